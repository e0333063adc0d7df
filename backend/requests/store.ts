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
import * as z from 'zod';
import type { Calendar } from '../../shared/calendar';
import { calendarFor } from '../calendars';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../../shared/format';
import { isoDate } from '../../shared/records/common';
import { nextSerial } from '../counters';
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
import { IDENTITY_CHECK_METHODS, type CodeReissue, type ReplyLetter } from '../../shared/api/requests';
import { COLLECTIONS } from '../collections';
import { notFound } from '../errors';
import { organOf } from '../organs';
import type { Caller } from '../caller';
import { isRow, num, type Db, type Store } from '../sdk';
import { shanghaiDate } from '../time';
import { typedCollection } from '../typed-store';

const requestsOf = (db: Db) => db.collection(COLLECTIONS.requests);

/** The one miss message: an unknown id and somebody else's request read the same. */
export const requestNotFound = () => notFound('该申请');

export interface StoredRequest {
  /** The document as read (the audit's `before`; a whole-document write starts from it). */
  document: RequestDocument;
  request: InfoRequest;
  organId: string;
  ownerOpenid: string | null;
  version: number;
  letter: ReplyLetter | null;
  codeReissues: CodeReissue[];
}

const codeReissueSchema = z.object({
  date: isoDate,
  method: z.enum(IDENTITY_CHECK_METHODS),
  note: z.string().nullable().catch(null),
});

const replyLetterSchema = z.object({ title: z.string(), text: z.string(), date: z.string() });

/**
 * A history entry as stored. The actions are stored as they were sent: a fee notice stored before its basis was
 * named `feeBasis` (计费依据; 2026-12) carries it as `basis`, the name the answer's cited basis (答复依据) keeps.
 * Both read as `feeBasis`; the next whole-document write stores the new name.
 */
function historyEntry(entry: unknown): unknown {
  if (!isRow(entry) || !isRow(entry.action) || entry.action.type !== 'noticeFee') return entry;
  const { basis, ...action } = entry.action;
  return basis === undefined || 'feeBasis' in action ? entry : { ...entry, action: { ...action, feeBasis: basis } };
}

/**
 * The stored envelope of a request: what decides access, counting and concurrency is parsed; the InfoRequest body
 * (applicant, content, events, history) is shared/requests' own, written only by its state machine.
 */
const storedRequestSchema = z.looseObject({
  _id: z.string(),
  organId: z.string(),
  applicationNo: z.string(),
  status: z.enum(REQUEST_STATUSES),
  ownerOpenid: z.string().nullable().catch(null),
  version: z.number().int().positive().catch(1),
  replyLetter: replyLetterSchema.nullable().catch(null),
  codeReissues: z.array(codeReissueSchema).catch([]).default([]),
  history: z
    .array(z.unknown())
    .optional()
    .transform((entries) => entries?.map(historyEntry)),
});
export type RequestDocument = z.output<typeof storedRequestSchema>;
const requestDocuments = typedCollection(COLLECTIONS.requests, storedRequestSchema);

/**
 * The document back as an InfoRequest. The 查询码 is not stored: `queryCode` is '' (staff can issue a new one).
 */
function fromDocument(document: RequestDocument): StoredRequest {
  const { _id, organId, ownerOpenid, version, replyLetter, codeReissues, ...fields } = document;
  const { queryCodeHash: _hash, applicantType: _type, createdAt: _c, updatedAt: _u, ...rest } = fields;
  const request = { ...(rest as unknown as Omit<InfoRequest, 'id' | 'queryCode'>), id: _id, queryCode: '' };
  return { document, request, organId, ownerOpenid, version, letter: replyLetter, codeReissues };
}

/** The stored requests of a get() reply. */
const storedAll = (reply: unknown): StoredRequest[] => requestDocuments.parseAll(reply).map(fromDocument);

/** Document fields of a request, less the id (the document's _id) and the 查询码 (hashed). */
function toDocument(request: InfoRequest) {
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

/** The request with that id, or null. */
export async function loadRequest(store: Store, id: string): Promise<StoredRequest | null> {
  const document = await requestDocuments.get(store, id);
  return document ? fromDocument(document) : null;
}

/** Staff of the request's organ only; anyone else gets the same NOT_FOUND as for an unknown id. */
export async function loadForStaff(store: Store, caller: Caller, id: string): Promise<StoredRequest> {
  const stored = await loadRequest(store, id);
  if (!stored || !caller.staff || stored.organId !== caller.staff.organId) throw requestNotFound();
  return stored;
}

/** The OPENID that submitted it only; anyone else gets the same NOT_FOUND as for an unknown id. */
export async function loadForOwner(store: Store, caller: Caller, id: string): Promise<StoredRequest> {
  const stored = await loadRequest(store, id);
  if (!stored || caller.openid === null || stored.ownerOpenid !== caller.openid) throw requestNotFound();
  return stored;
}

export function isFinal(status: RequestStatus): boolean {
  return FINAL_STATUSES.has(status);
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
  const existing = await loadRequest(tx, id);
  if (existing) return { stored: existing, queryCode: null };
  await organOf(tx, args.organId); // an unknown organ is NOT_FOUND
  const serial = await nextSerial(tx, `requestNo-${args.organId}-${year}`);
  const queryCode = newQueryCode();
  const request = args.build({ id, applicationNo: makeApplicationNo('', year, serial), queryCode }, today);
  const doc = {
    ...toDocument(request),
    organId: args.organId,
    ownerOpenid: args.owner,
    version: 1,
    replyLetter: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  await requestDocuments.raw(tx).doc(id).set(doc);
  return { stored: fromDocument(requestDocuments.parse({ _id: id, ...doc })), queryCode };
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
    const page = storedAll(
      await requestsOf(db)
        .where({ status: _.in([...statuses]), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(WALK_PAGE)
        .get(),
    );
    for (const stored of page) {
      let calendar = calendars.get(stored.organId);
      if (!calendar) calendars.set(stored.organId, (calendar = await calendarFor(db, stored.organId)));
      await visit(stored, calendar);
    }
    if (page.length < WALK_PAGE) return;
    after = page[page.length - 1]?.request.id ?? after;
  }
}

// ---- queries (the handlers build none themselves) ----

/** A citizen's own requests, newest first, one page, and how many there are. */
export async function ownerPage(
  db: Db,
  openid: string,
  page: { skip: number; limit: number },
): Promise<{ requests: StoredRequest[]; total: number }> {
  const where = { ownerOpenid: openid };
  const total = num(await requestsOf(db).where(where).count(), 'total');
  const requests = storedAll(
    await requestsOf(db).where(where).orderBy('createdAt', 'desc').skip(page.skip).limit(page.limit).get(),
  );
  return { requests, total };
}

/** 109号 第四条: the same applicant's requests to the organ received in `month` (YYYY-MM). */
export async function sameApplicantInMonth(db: Db, stored: StoredRequest, month: string): Promise<InfoRequest[]> {
  const _ = db.command;
  const a = stored.request.applicant;
  const same = storedAll(
    await requestsOf(db)
      .where({
        organId: stored.organId,
        'applicant.idType': a.idType,
        'applicant.idNumber': a.idNumber,
        receivedDate: _.and(_.gte(`${month}-01`), _.lte(`${month}-31`)),
      })
      .limit(1000)
      .get(),
  );
  return same.map((r) => r.request);
}

/** The request whose 查询码 hashes to `hash`, or null. */
export async function findByQueryCodeHash(db: Db, hash: string): Promise<StoredRequest | null> {
  return storedAll(await requestsOf(db).where({ queryCodeHash: hash }).limit(1).get())[0] ?? null;
}

/** The organ's request with that 申请编号, or null. */
export async function findByApplicationNo(
  db: Db,
  organId: string,
  applicationNo: string,
): Promise<StoredRequest | null> {
  return storedAll(await requestsOf(db).where({ organId, applicationNo }).limit(1).get())[0] ?? null;
}

/** A new 查询码 for the request (only its hash is kept); the document before and after, for the audit. */
/** A new 查询码 (only its hash stored), the identity check it was issued on appended to the request's record. */
export async function replaceQueryCode(
  tx: Store,
  stored: StoredRequest,
  now: Date,
  reissue: CodeReissue & { staffId: string | null },
): Promise<{ queryCode: string; before: RequestDocument; after: RequestDocument }> {
  const queryCode = newQueryCode();
  const { _id, ...current } = stored.document;
  const codeReissues = [...stored.codeReissues, reissue];
  const after = { ...current, queryCodeHash: hashQueryCode(queryCode), codeReissues, updatedAt: now };
  await requestDocuments.raw(tx).doc(stored.request.id).set(after);
  return { queryCode, before: stored.document, after: { _id, ...after } };
}

// ---- the staff desk ----

/** The fields a desk row shows (projected: no personal data but the name, which the row masks). */
const DESK_FIELDS = {
  _id: true,
  version: true,
  applicationNo: true,
  status: true,
  channel: true,
  applicantType: true,
  'applicant.name': true,
  'applicant.organisationName': true,
  submittedDate: true,
  receivedDate: true,
  events: true,
  outcome: true,
  answeredDate: true,
} as const;

const deskFieldsSchema = z.looseObject({
  _id: z.string(),
  version: z.number().int().positive().catch(1),
  applicationNo: z.string(),
  status: z.enum(REQUEST_STATUSES),
  channel: z.string().optional(),
  applicantType: z.enum(APPLICANT_TYPES),
  applicant: z
    .looseObject({ name: z.string().optional(), organisationName: z.string().optional() })
    .catch({})
    .default({}),
  submittedDate: z.string().catch(''),
  receivedDate: isoDate.nullable().catch(null).default(null),
  events: z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((e) => e as InfoRequest['events']),
  outcome: z.enum(OUTCOME_ROWS).nullable().catch(null).default(null),
  answeredDate: z.string().nullable().catch(null).default(null),
});
export type DeskFields = z.output<typeof deskFieldsSchema>;
const deskRows = typedCollection(COLLECTIONS.requests, deskFieldsSchema);

/** Every request of the organ in `statuses` (open ones: few at a township), desk fields only. */
export async function deskRowsIn(db: Db, organId: string, statuses: readonly RequestStatus[]): Promise<DeskFields[]> {
  const _ = db.command;
  return deskRows.all(db, { organId, status: _.in([...statuses]) }, DESK_FIELDS);
}

/** How many of the organ's requests are in `statuses`. */
export async function countIn(db: Db, organId: string, statuses: readonly RequestStatus[]): Promise<number> {
  const _ = db.command;
  return num(
    await requestsOf(db)
      .where({ organId, status: _.in([...statuses]) })
      .count(),
    'total',
  );
}

/** One page of the organ's finished requests in `statuses`, latest answered first, desk fields only. */
export async function deskPageIn(
  db: Db,
  organId: string,
  statuses: readonly RequestStatus[],
  page: { skip: number; limit: number },
): Promise<DeskFields[]> {
  const _ = db.command;
  return deskRows.parseAll(
    await requestsOf(db)
      .where({ organId, status: _.in([...statuses]) })
      .orderBy('answeredDate', 'desc')
      .orderBy('applicationNo', 'desc')
      .skip(page.skip)
      .limit(page.limit)
      .field(DESK_FIELDS)
      .get(),
  );
}

// The organ's calendar lives in backend/calendars.ts; the requests function reads it through its store.
export { calendarFor, saveCalendar, storedCalendar, storedCalendarDocument } from '../calendars';
