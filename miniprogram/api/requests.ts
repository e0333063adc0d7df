/**
 * 依申请公开 for citizens: submit (one request per requestId), track by 查询码, the signed-in user's own
 * requests (the list and one of them), and the grant of a subscribe message. Every payload is checked with the shared zod schema first,
 * so a page shows the same Chinese field errors the function would give.
 */
import {
  grantNoticeSchema,
  mineRequestsSchema,
  parseWith,
  submitRequestSchema,
  trackRequestSchema,
  viewRequestSchema,
  type OwnRequest,
  type OwnRequestPage,
  type Result,
  type SubmitRequestAnswer,
  type TrackAnswer,
} from 'gongkai-core';
import { call } from './client';

export { newRequestId } from './client';

export async function submitRequest(
  organId: string,
  submission: Record<string, unknown>,
  requestId: string,
): Promise<Result<SubmitRequestAnswer>> {
  const input = parseWith(submitRequestSchema, { organId, submission, requestId });
  if (!input.ok) return input;
  // The raw form goes out (the function parses it again); the envelope's requestId makes the call idempotent.
  return call('requests', 'submit', { organId, submission: submission as never, requestId }, requestId);
}

export async function trackRequest(queryCode: string, phoneLast4: string): Promise<Result<TrackAnswer>> {
  const input = parseWith(trackRequestSchema, { queryCode, phoneLast4 });
  if (!input.ok) return input;
  return call('requests', 'track', { queryCode: queryCode.trim(), phoneLast4: phoneLast4.trim() });
}

export async function fetchMyRequests(page = 1): Promise<Result<OwnRequestPage>> {
  const input = parseWith(mineRequestsSchema, { page });
  if (!input.ok) return input;
  return call('requests', 'mine', input.data);
}

/** One of the signed-in user's own requests (no 查询码 needed: the OPENID owns it). */
export async function fetchOwnRequest(id: string): Promise<Result<OwnRequest>> {
  const input = parseWith(viewRequestSchema, { id });
  if (!input.ok) return input;
  return call('requests', 'view', input.data);
}

export async function grantNotice(requestId: string, templateId: string): Promise<Result<unknown>> {
  const input = parseWith(grantNoticeSchema, { requestId, templateId });
  if (!input.ok) return input;
  return call('requests', 'grantNotice', input.data);
}
