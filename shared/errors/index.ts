/**
 * Stable error codes for code, Chinese messages for people. Every failure a function or the CLI reports
 * has this shape: `{ ok: false, code, message, fieldErrors? }`.
 */
import type { z } from 'zod';
// The one locale we need, imported alone: `z.locales` would pull every language into each bundle.
import zhCN from 'zod/v4/locales/zh-CN.cjs';

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RATE_LIMITED',
  'UNREADABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the field, e.g. `cells.applications.newReceived.natural`. */
  path: string;
  message: string;
}

export type Ok<T> = { ok: true; data: T };
export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldError[] };
export type Result<T> = Ok<T> | Failure;

const zhError = zhCN().localeError;

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Turns zod issues into field errors whose message names the field, in Chinese. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    return { path, message: path ? `${path}：${issue.message}` : issue.message };
  });
}

/** Parses untrusted input with a shared schema; on failure nothing is returned but the errors. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input, { error: zhError });
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = toFieldErrors(parsed.error);
  const first = fieldErrors[0]?.message ?? '输入无效';
  const more = fieldErrors.length > 1 ? `（另有 ${fieldErrors.length - 1} 处错误）` : '';
  return { ok: false, code: 'VALIDATION', message: `输入有误：${first}${more}`, fieldErrors };
}

export function failure(code: ErrorCode, message: string, fieldErrors?: FieldError[]): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}
