/**
 * The stored shape of an information request and the one place that reads and writes it.
 *
 * A document of `info_requests` is the InfoRequest of shared/requests (its `id` is the document's `_id`) with:
 * - `queryCodeHash` instead of the 查询码: SHA-256 of the normalised code, the only trace of it (shown once);
 * - `organId`, `ownerOpenid` (the submitting WeChat user; null for staff entries), `applicantType` (a top-level
 *   copy for the report's field-limited query), `version` (optimistic concurrency), `replyLetter`, timestamps.
 * Ids are `sha256(openid, kind, idempotencyKey)`: a repeat of the same tap finds the request it made (idempotency
 * without storing the answer, which would hold the 查询码 in clear).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createCalendar, type Calendar, type OrganCalendar } from '../../shared/calendar';
import { idempotencyKey } from '../idempotency';
import {
  FINAL_STATUSES,
  makeApplicationNo,
  makeQueryCode,
  normalizeQueryCode,
  QUERY_CODE_RANDOM_BYTES,
  REQUEST_STATUSES,
  type InfoRequest,
  type RequestIds,
  type RequestStatus,
} from '../../shared/requests';
import type { ReplyLetter } from '../../shared/api/requests';
import { COLLECTIONS } from '../collections';
import { notFound } from '../errors';
import type { Caller } from '../caller';
import { one, rows, type Db, type Row, type Store } from '../sdk';
import { shanghaiDate } from '../time';

export const requestsOf = (db: Db) => db.collection(COLLECTIONS.requests);

/** The one miss message: an unknown id and somebody else's request read the same. */
export const requestNotFound = () => notFound('该申请');

export interface StoredRequest {
  row: Row;
  request: InfoRequest;
  organId: string;
  ownerOpenid: string | null;
  version: number;
  letter: ReplyLetter | null;
}

function isStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);
}

function letterOf(value: unknown): ReplyLetter | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.text === 'string' && typeof v.date === 'string'
    ? { title: v.title, text: v.text, date: v.date }
    : null;
}

/**
 * The document back as an InfoRequest. The 查询码 is not stored: `queryCode` is '' (staff can issue a new one).
 * Our own writes made the document, so only the fields that decide access and counting are checked.
 */
export function fromRow(row: Row): StoredRequest {
  if (
    typeof row._id !== 'string' ||
    typeof row.organId !== 'string' ||
    typeof row.applicationNo !== 'string' ||
    !isStatus(row.status)
  ) {
    throw new Error('info request document malformed');
  }
  const {
    _id,
    organId,
    ownerOpenid,
    version,
    queryCodeHash: _hash,
    applicantType: _type,
    replyLetter,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = row;
  const request = { ...(rest as unknown as Omit<InfoRequest, 'id' | 'queryCode'>), id: _id, queryCode: '' };
  return {
    row,
    request,
    organId,
    ownerOpenid: typeof ownerOpenid === 'string' ? ownerOpenid : null,
    version: typeof version === 'number' ? version : 1,
    letter: letterOf(replyLetter),
  };
}

/** Document fields of a request, less the id (the document's _id) and the 查询码 (hashed). */
export function toDocument(request: InfoRequest): Row {
  const { id: _id, queryCode, ...rest } = request;
  return { ...rest, queryCodeHash: hashQueryCode(queryCode), applicantType: request.applicant.applicantType };
}

export function hashQueryCode(code: string): string {
  return createHash('sha256')
    .update(`gongkai-query-code\n${normalizeQueryCode(code)}`)
    .digest('hex');
}

export function newQueryCode(): string {
  return makeQueryCode(randomBytes(QUERY_CODE_RANDOM_BYTES));
}

export type { Store };

export async function loadRow(store: Store, id: string): Promise<Row | null> {
  return one(await store.collection(COLLECTIONS.requests).doc(id).get());
}

/** Staff of the request's organ only; anyone else gets the same NOT_FOUND as for an unknown id. */
export async function loadForStaff(store: Store, caller: Caller, id: string): Promise<StoredRequest> {
  const row = await loadRow(store, id);
  if (!row || !caller.staff || row.organId !== caller.staff.organId) throw requestNotFound();
  return fromRow(row);
}

/** The OPENID that submitted it only; anyone else gets the same NOT_FOUND as for an unknown id. */
export async function loadForOwner(store: Store, caller: Caller, id: string): Promise<StoredRequest> {
  const row = await loadRow(store, id);
  if (!row || caller.openid === null || row.ownerOpenid !== caller.openid) throw requestNotFound();
  return fromRow(row);
}

export function isFinal(status: RequestStatus): boolean {
  return FINAL_STATUSES.has(status);
}

// ---- the organ's working-day calendar ----

/** The organ's holiday table (organ_calendars, one document per organ) over chinese-days' official data. */
export async function calendarFor(store: Store, organId: string): Promise<Calendar> {
  const doc = one(await store.collection(COLLECTIONS.organCalendars).doc(organId).get());
  const stored = doc?.calendar;
  // Validated when saved (setCalendar); a table that no longer parses falls back to the official data.
  try {
    return stored ? createCalendar(stored as OrganCalendar) : createCalendar();
  } catch {
    return createCalendar();
  }
}

// ---- creating a request: 申请编号 from a gapless counter, in the action's transaction ----

export interface Created {
  stored: StoredRequest;
  /** The 查询码 in clear, only when this call created the request. */
  queryCode: string | null;
}

/**
 * Stores a new request with the next 申请编号 of the organ and year. Runs inside the action's transaction, so the
 * counter and the request commit together (no gap, no duplicate number; a conflict re-runs the whole body).
 * The document's id is derived from the caller and `idempotencyKey`: a repeat finds the request the first call made
 * and gets it back without a 查询码 (only its hash is stored).
 */
export async function createRequest(
  tx: Store,
  args: {
    caller: Caller;
    now: Date;
    organId: string;
    owner: string | null;
    kind: 'submit' | 'record';
    idempotencyKey: string;
    build: (ids: RequestIds, today: string) => InfoRequest;
  },
): Promise<Created> {
  const today = shanghaiDate(args.now);
  const year = Number(today.slice(0, 4));
  const id = idempotencyKey(args.caller.openid ?? 'anonymous', 'requests', args.kind, args.idempotencyKey);
  const col = tx.collection(COLLECTIONS.requests);
  const existing = one(await col.doc(id).get());
  if (existing) return { stored: fromRow(existing), queryCode: null };
  const organ = one(await tx.collection(COLLECTIONS.organs).doc(args.organId).get());
  if (!organ) throw notFound('机关');
  const counters = tx.collection(COLLECTIONS.counters);
  const key = `requestNo-${args.organId}-${year}`;
  const counter = one(await counters.doc(key).get());
  const serial = (typeof counter?.n === 'number' ? counter.n : 0) + 1;
  await counters.doc(key).set({ n: serial });
  const queryCode = newQueryCode();
  const request = args.build({ id, applicationNo: makeApplicationNo('', year, serial), queryCode }, today);
  const doc: Row = {
    ...toDocument(request),
    organId: args.organId,
    ownerOpenid: args.owner,
    version: 1,
    replyLetter: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  await col.doc(id).set(doc);
  return { stored: fromRow({ _id: id, ...doc }), queryCode };
}

/** Everything open (not answered or closed). */
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !FINAL_STATUSES.has(s));
export const DONE_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => FINAL_STATUSES.has(s));

const WALK_PAGE = 100;

/**
 * Every request of any organ in `statuses`, each with its organ's calendar, for the daily sweep. Paged by _id
 * (not skip), so a visit that moves a request out of `statuses` skips nothing.
 */
export async function forEachRequest(
  db: Db,
  statuses: readonly RequestStatus[],
  visit: (stored: StoredRequest, calendar: Calendar) => Promise<void>,
): Promise<void> {
  const _ = db.command;
  const calendars = new Map<string, Calendar>();
  for (let after = ''; ;) {
    const page = rows(
      await requestsOf(db)
        .where({ status: _.in([...statuses]), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(WALK_PAGE)
        .get(),
    );
    for (const row of page) {
      const stored = fromRow(row);
      let calendar = calendars.get(stored.organId);
      if (!calendar) calendars.set(stored.organId, (calendar = await calendarFor(db, stored.organId)));
      await visit(stored, calendar);
    }
    if (page.length < WALK_PAGE) return;
    after = String(page[page.length - 1]?._id);
  }
}
