/**
 * The staff desk of 依申请公开: list the organ's requests, read one (personal data: staff only, and audited),
 * act on it through the state machine, draft the reply letter, read a notice that was sent, and who may approve
 * an extension. Payloads are checked with the shared schemas first, so a page shows the same Chinese field
 * errors the function would give; acts carry a requestId (the function is idempotent on it).
 */
import {
  actRequestSchema,
  getRequestSchema,
  listRequestsSchema,
  parseWith,
  requestLetterSchema,
  type ActAnswer,
  type ActRequestInput,
  type ExtensionApprover,
  type LetterAnswer,
  type NoticeKind,
  type NoticeLetter,
  type Outcome,
  type RequestPage,
  type RequestStatus,
  type Result,
  type StaffRequestAnswer,
} from 'gongkai-core';
import { call } from './client';

export type {
  ActAnswer,
  ActRequestInput,
  ExtensionApprover,
  LetterAnswer,
  NoticeKind,
  NoticeLetter,
  RequestPage,
  RequestRow,
  StaffRequestAnswer,
} from 'gongkai-core';

export async function listRequests(
  status: RequestStatus | undefined,
  page: number,
  pageSize = 20,
): Promise<Result<RequestPage>> {
  const input = parseWith(listRequestsSchema, status === undefined ? { page, pageSize } : { status, page, pageSize });
  if (!input.ok) return input;
  return call('requests', 'list', input.data);
}

export async function fetchRequest(id: string): Promise<Result<StaffRequestAnswer>> {
  const input = parseWith(getRequestSchema, { id });
  if (!input.ok) return input;
  return call('requests', 'get', input.data);
}

/** One staff action at the version the page shows: a stale version comes back as CONFLICT. */
export async function actOnRequest(payload: ActRequestInput, requestId: string): Promise<Result<ActAnswer>> {
  const input = parseWith(actRequestSchema, payload);
  if (!input.ok) return input;
  return call('requests', 'act', input.data, requestId);
}

/** The reply letter drafted for `outcome` (editable; 【请填写：…】 marks the gaps). */
export async function draftLetter(id: string, outcome: Outcome): Promise<Result<LetterAnswer>> {
  const input = parseWith(requestLetterSchema, { id, outcome });
  if (!input.ok) return input;
  const result = await call('requests', 'letter', input.data);
  if (!result.ok) return result;
  return 'outcome' in result.data
    ? { ok: true, data: result.data }
    : { ok: false, code: 'INTERNAL', message: '未能起草答复书，请重试' };
}

/** The latest 补正 / 延期 / 收费 notice the request was sent. */
export async function fetchNotice(id: string, notice: NoticeKind): Promise<Result<NoticeLetter>> {
  const input = parseWith(requestLetterSchema, { id, notice });
  if (!input.ok) return input;
  const result = await call('requests', 'letter', input.data);
  if (!result.ok) return result;
  return 'kind' in result.data
    ? { ok: true, data: result.data }
    : { ok: false, code: 'INTERNAL', message: '未能读取通知书，请重试' };
}

export function fetchApprovers(): Promise<Result<ExtensionApprover[]>> {
  return call('requests', 'approvers', {});
}
