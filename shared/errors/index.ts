/**
 * Stable error codes for code, Chinese messages for people. Every failure a function or the CLI reports
 * has this shape: `{ ok: false, code, message, fieldErrors? }`.
 */
import type { z } from 'zod';
import { labelOf } from './labels';

export { FIELD_LABELS, labelOf } from './labels';

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

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组填写项',
  date: '日期',
};

/** An issue as the error map sees it (zod's raw issue: the fields we read, each possibly absent or undefined). */
interface RawIssue {
  code?: string | undefined;
  path?: PropertyKey[] | undefined;
  input?: unknown | undefined;
  expected?: string | undefined;
  values?: readonly unknown[] | undefined;
  origin?: string | undefined;
  minimum?: number | bigint | undefined;
  maximum?: number | bigint | undefined;
  inclusive?: boolean | undefined;
  divisor?: number | undefined;
  keys?: string[] | undefined;
}

function sizeUnit(origin: string | undefined): string {
  if (origin === 'string') return ' 个字';
  if (origin === 'array' || origin === 'set') return ' 项';
  return '';
}

/** Why the value was refused, in Chinese, without the field's name. */
function reasonOf(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return '为必填项';
      return `须为${TYPE_NAMES[iss.expected ?? ''] ?? '正确的格式'}`;
    case 'invalid_value': {
      const values = (iss.values ?? []).map((v) => String(v));
      if (values.length === 1 && values[0] === 'true') return '须确认';
      return values.length === 1 ? `须为 ${values[0] ?? ''}` : `须为 ${values.join('、')} 之一`;
    }
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string' && min <= 1) return '不能为空';
      if (iss.origin === 'array' && min <= 1) return '至少填写一项';
      if (iss.origin === 'string' || iss.origin === 'array' || iss.origin === 'set')
        return `至少 ${min}${sizeUnit(iss.origin)}`;
      return iss.inclusive === false ? `须大于 ${min}` : `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string' || iss.origin === 'array' || iss.origin === 'set')
        return `不能超过 ${max}${sizeUnit(iss.origin)}`;
      return iss.inclusive === false ? `须小于 ${max}` : `不能大于 ${max}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `须为 ${iss.divisor ?? ''} 的倍数`;
    case 'unrecognized_keys':
      return `含有不应填写的项：${(iss.keys ?? []).join('、')}`;
    default:
      return '填写有误';
  }
}

/**
 * The one error map of every parse: the field named once, in Chinese (labels.ts), with why it was refused — a
 * missing field is 必填, a choice lists its allowed values; never the validation library's generic text.
 */
export function issueMessage(iss: RawIssue): string {
  const label = labelOf(iss.path ?? []);
  const reason = reasonOf(iss);
  if (label) return `${label}${reason}`;
  return iss.path && iss.path.length > 0 ? `此项${reason}` : `输入${reason}`;
}

/**
 * For a schema whose type error names the field itself (`z.string({ error: typeError('证件号码', '须为文本') })`):
 * a missing value is 必填 rather than 须为文本, and the checks after it (min, max) keep their own messages.
 */
export function typeError(label: string, wrongType: string): (iss: RawIssue) => string | undefined {
  return (iss) => {
    if (iss.code !== 'invalid_type') return undefined;
    return iss.input === undefined || iss.input === null ? `${label}为必填项` : `${label}${wrongType}`;
  };
}

/** Turns zod issues into field errors whose message names the field once, in Chinese. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    const label = labelOf(issue.path);
    // A schema's own message that does not name its field (e.g. 格式应为 MM-DD) gets the field's name in front; one
    // that names it, or names what it is (身份证号码 for 证件号码: the same ending), keeps its words.
    // A request to the user (请写明退回理由, 请填写名称) says what to fill in: it needs no name in front either.
    const named =
      label !== null &&
      (issue.message.startsWith('请') || issue.message.includes(label) || issue.message.includes(label.slice(-2)));
    const message = label && !named ? `${label}：${issue.message}` : issue.message;
    return { path, message };
  });
}

/** Parses untrusted input with a shared schema; on failure nothing is returned but the errors. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input, { error: issueMessage });
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = toFieldErrors(parsed.error);
  const first = fieldErrors[0]?.message ?? '输入无效';
  const more = fieldErrors.length > 1 ? `（另有 ${fieldErrors.length - 1} 处错误）` : '';
  return { ok: false, code: 'VALIDATION', message: `输入有误：${first}${more}`, fieldErrors };
}

export function failure(code: ErrorCode, message: string, fieldErrors?: FieldError[]): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}
