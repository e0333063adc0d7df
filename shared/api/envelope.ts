/**
 * The one envelope every cloud function takes and answers, in production (wx.cloud.callFunction) and locally
 * (POST /functions/<name>): `{ action, payload, idempotencyKey? }` → `{ ok: true, data } | { ok: false, code, message, fieldErrors? }`.
 */
import * as z from 'zod';

export const FUNCTION_NAMES = ['organ', 'items', 'stats', 'cases', 'requests', 'reports', 'county'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const functionEventSchema = z.object({
  action: z.string().min(1).max(60),
  payload: z.unknown().optional(),
  /**
   * The idempotency key of this call (one intended write: a form, a tap): a repeat with the same key answers the
   * first result again, for the actions whose contract is `idempotent`.
   */
  idempotencyKey: z.string().min(8).max(64).optional(),
});
export type FunctionEvent = z.infer<typeof functionEventSchema>;

export { type Failure, type FieldError, type Ok, type Result } from '../errors';
