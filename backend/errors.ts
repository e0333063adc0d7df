/** A refusal a handler raises: becomes `{ ok: false, code, message, fieldErrors? }` with nothing written. */
import type { ErrorCode, FieldError } from '../shared/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
export const conflict = (why: string) => new AppError('CONFLICT', why);

/** Throws a rule's refusal (shared/approval, shared/policy) as the call's answer; nothing when it passed. */
export function refuse(refusal: { code: ErrorCode; message: string; fieldErrors?: FieldError[] } | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message, refusal.fieldErrors);
}
