/**
 * The one envelope every cloud function takes and answers, in production (wx.cloud.callFunction) and locally
 * (POST /functions/<name>): `{ action, payload, requestId? }` → `{ ok: true, data } | { ok: false, code, message, fieldErrors? }`.
 */
import * as z from 'zod';

export const functionEventSchema = z.object({
  action: z.string().min(1).max(60),
  payload: z.unknown().optional(),
  /** Makes submit / approve / publish idempotent: the same requestId answers the first result again. */
  requestId: z.string().min(8).max(64).optional(),
});
export type FunctionEvent = z.infer<typeof functionEventSchema>;

export { type Failure, type FieldError, type Ok, type Result } from '../errors';
