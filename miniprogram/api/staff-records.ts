/**
 * Statistics entries (表二) and 复议/诉讼 cases (表四): list a year, add, remove or close. Payloads are checked with
 * the shared schemas before anything is sent; writes carry a requestId (the functions are idempotent on it), so a
 * double tap or a retry after a lost answer makes one entry. Lists keep only rows the shared schema reads.
 */
import {
  closeCaseSchema,
  createCaseSchema,
  createStatEntrySchema,
  listByYearSchema,
  parseWith,
  removeByIdSchema,
  reviewCaseSchema,
  statEntrySchema,
  type Result,
  type ReviewCase,
  type StatEntry,
  type StatEntryInput,
} from 'gongkai-core';
import { call } from './client';
import type { CaseInput, CloseCasePayload } from './staff-types';

export type { ReviewCase, StatEntry, StatEntryInput } from 'gongkai-core';
export type { CaseInput, CloseCasePayload } from './staff-types';

function readable<T>(
  rows: readonly unknown[],
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export async function listStatEntries(year: number): Promise<Result<StatEntry[]>> {
  const input = parseWith(listByYearSchema, { year });
  if (!input.ok) return input;
  const result = await call('stats', 'list', input.data);
  return result.ok ? { ok: true, data: readable(result.data, statEntrySchema) } : result;
}

export async function createStatEntry(entry: StatEntryInput, requestId: string): Promise<Result<{ id: string }>> {
  const input = parseWith(createStatEntrySchema, { entry });
  if (!input.ok) return input;
  return call('stats', 'create', input.data, requestId);
}

export async function removeStatEntry(id: string, requestId: string): Promise<Result<{ id: string }>> {
  const input = parseWith(removeByIdSchema, { id });
  if (!input.ok) return input;
  return call('stats', 'remove', input.data, requestId);
}

export async function listCases(year: number): Promise<Result<ReviewCase[]>> {
  const input = parseWith(listByYearSchema, { year });
  if (!input.ok) return input;
  const result = await call('cases', 'list', input.data);
  return result.ok ? { ok: true, data: readable(result.data, reviewCaseSchema) } : result;
}

export async function createCase(c: CaseInput, requestId: string): Promise<Result<{ id: string }>> {
  const input = parseWith(createCaseSchema, { case: c });
  if (!input.ok) return input;
  return call('cases', 'create', input.data, requestId);
}

export async function closeCase(payload: CloseCasePayload, requestId: string): Promise<Result<{ id: string }>> {
  const input = parseWith(closeCaseSchema, payload);
  if (!input.ok) return input;
  return call('cases', 'close', input.data, requestId);
}
