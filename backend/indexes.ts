/**
 * Every collection's indexes, declared once: the local server creates them in its SQLite store at start
 * (server/main.ts, the tests' harness, the bench), and the deploy step in the README's "Going live" creates the
 * same ones in CloudBase (`npm run -s indexes` prints them as the console's index form expects). Each index lists
 * its fields in order, equality fields first and the sort field last, so a page of a query that filters on the
 * leading fields and sorts on the next one is read straight off the index.
 *
 * Keep this file data only: no SDK, no I/O — the local server and the deploy script both read it.
 */

export interface IndexField {
  /** A document field path, dotted for nested fields (`applicant.idNumber`); `_id` is the document id. */
  field: string;
  direction: 1 | -1;
  /**
   * The field holds an array: one index entry per element (MongoDB's multikey index — CloudBase makes one from an
   * ordinary declaration on an array field; the local store keeps an element index, server/store/elements.ts).
   * Only the last field of an index.
   */
  array?: true;
}

export interface IndexSpec {
  collection: string;
  /** Unique within the collection: letters, digits and underscores. */
  name: string;
  fields: readonly IndexField[];
}

const asc = (field: string): IndexField => ({ field, direction: 1 });
const desc = (field: string): IndexField => ({ field, direction: -1 });

/** Collection names as in backend/collections.ts (kept literal here so this file has no imports). */
export const INDEXES: readonly IndexSpec[] = [
  // The catalogue: one organ's published items newest first (cursor: publishedDate, _id), by category too.
  {
    collection: 'items',
    name: 'organ_status_published',
    fields: [asc('organId'), asc('status'), desc('publishedDate'), desc('_id')],
  },
  {
    collection: 'items',
    name: 'organ_category_published',
    fields: [asc('organId'), asc('category'), asc('status'), desc('publishedDate'), desc('_id')],
  },
  // Keyword search: the organ's items holding every bigram of the keyword (shared/records/grams.ts; `$all`).
  {
    collection: 'items',
    name: 'organ_grams',
    fields: [asc('organId'), { field: 'grams', direction: 1, array: true }],
  },
  // Citizens browsing every organ's items.
  { collection: 'items', name: 'status_published', fields: [asc('status'), desc('publishedDate'), desc('_id')] },
  // The report's count of items published in a year.
  {
    collection: 'items',
    name: 'organ_year',
    fields: [asc('organId'), asc('publishYear'), asc('status'), asc('correctionOf')],
  },
  // Requests: the report's year window, the staff lists by status, the applicant's own list, tracking.
  { collection: 'info_requests', name: 'organ_received', fields: [asc('organId'), asc('receivedDate')] },
  { collection: 'info_requests', name: 'organ_answered', fields: [asc('organId'), asc('answeredDate')] },
  { collection: 'info_requests', name: 'organ_status', fields: [asc('organId'), asc('status'), asc('_id')] },
  { collection: 'info_requests', name: 'status_id', fields: [asc('status'), asc('_id')] },
  { collection: 'info_requests', name: 'owner_created', fields: [asc('ownerOpenid'), desc('createdAt')] },
  { collection: 'info_requests', name: 'organ_application_no', fields: [asc('organId'), asc('applicationNo')] },
  { collection: 'info_requests', name: 'query_code', fields: [asc('queryCodeHash')] },
  // The report's cases and statistics of an organ's year.
  { collection: 'review_cases', name: 'organ_filed', fields: [asc('organId'), asc('filedDate')] },
  { collection: 'stat_entries', name: 'organ_date', fields: [asc('organId'), asc('date')] },
  { collection: 'stat_entries', name: 'organ_year', fields: [asc('organId'), asc('year')] },
  { collection: 'published_reports', name: 'organ_year', fields: [asc('organId'), asc('year'), desc('version')] },
  // Who is calling, and who to remind.
  { collection: 'staff', name: 'openid_active', fields: [asc('openid'), asc('active')] },
  { collection: 'staff', name: 'organ_role', fields: [asc('organId'), asc('role'), asc('active')] },
  { collection: 'track_attempts', name: 'key_at', fields: [asc('key'), asc('at')] },
  // Rate-limit attempts past their window, deleted on every lookup and by the daily sweep (backend/limits.ts).
  { collection: 'track_attempts', name: 'expires', fields: [asc('expiresAt')] },
  { collection: 'notice_grants', name: 'request_openid', fields: [asc('requestId'), asc('openid'), asc('used')] },
  { collection: 'reminder_grants', name: 'organ_openid', fields: [asc('organId'), asc('openid'), asc('used')] },
  { collection: 'notifications', name: 'state', fields: [asc('state'), asc('claimedAt')] },
  { collection: 'dev_logins', name: 'openid', fields: [asc('openid')] },
  // The county view: the organs under a county, and their rows of a year.
  { collection: 'organs', name: 'parent', fields: [asc('parentId'), asc('_id')] },
  { collection: 'county_reports', name: 'county_year', fields: [asc('countyId'), asc('year'), asc('_id')] },
];
