/**
 * Request fields as the SDK sends them (see shared/reference/cloudbase-wire-protocol.md), validated with
 * zod; EJSON-bearing fields arrive as strings and are decoded here, with `$tcb_server_date` resolved.
 */
import { z } from 'zod';
import { EjsonError, isPlainObject, parse } from '../ejson';
import { invalidParam } from '../db/errors';

// Lenient on purpose: CloudBase's own naming rules vary by console; only reject what would break us.
export const collectionName = z
  .string()
  .min(1)
  .max(128)
  .refine((s) => !s.startsWith('$') && !s.includes('\u0000'), 'invalid collection name');

/** An EJSON field: usually a string, '' or absent meaning "nothing", an object accepted as already parsed. */
export const ejsonField = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional();

export const transactionId = z.string().min(1).optional();

/** Parses `input` with `schema`; a mismatch becomes INVALID_PARAM naming the field. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  throw invalidParam(`${where}${issue?.message ?? 'invalid request'}`);
}

/** Decodes an EJSON field; EJSON syntax errors become INVALID_PARAM. */
export function decodeField(value: unknown, field: string, now: number): unknown {
  try {
    return parse(value, { now });
  } catch (e) {
    if (e instanceof EjsonError) throw invalidParam(`${field}: ${e.message}`);
    throw e;
  }
}

/** Decodes an EJSON field that must be an object; absent or '' gives {}. */
export function objectField(value: unknown, field: string, now: number): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  const decoded = decodeField(value, field, now);
  if (!isPlainObject(decoded)) throw invalidParam(`${field} must be an object`);
  return decoded;
}

/** The sort spec from `order`: {field: 1 | -1}. */
export function orderField(value: unknown, now: number): Record<string, 1 | -1> {
  const raw = objectField(value, 'order', now);
  const order: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(raw)) {
    if (dir !== 1 && dir !== -1) throw invalidParam(`order.${field} must be 1 or -1`);
    order[field] = dir;
  }
  return order;
}
