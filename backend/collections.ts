/** Every collection the functions use. Production creates them at deploy; locally they are created on first use. */
import { errorCodeOf, type Db } from './sdk';

export const COLLECTIONS = {
  organs: 'organs',
  staff: 'staff',
  invites: 'invites',
  setupCodes: 'setup_codes',
  logins: 'dev_logins',
  items: 'items',
  counters: 'counters',
  audit: 'audit_log',
  /** Each organ's audit chain head: { seq, hash } of its last entry. */
  auditHeads: 'audit_heads',
  idempotency: 'idempotency',
  statEntries: 'stat_entries',
  cases: 'review_cases',
  reportDrafts: 'report_drafts',
  publishedReports: 'published_reports',
  requests: 'info_requests',
  organCalendars: 'organ_calendars',
  trackAttempts: 'track_attempts',
  noticeGrants: 'notice_grants',
  /** Staff members' accepted reminders (organ.grantReminder), one message each. */
  reminderGrants: 'reminder_grants',
  notifications: 'notifications',
  /** One row per organ under a county and year: the county view's state, findings and figures (backend/county). */
  countyReports: 'county_reports',
  /** One-time codes a county gives an organ on the product to join it (hash as id). */
  countyLinks: 'county_links',
} as const;
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

const ensured = new WeakSet<Db>();

export async function ensureCollections(db: Db): Promise<void> {
  if (ensured.has(db)) return;
  for (const name of Object.values(COLLECTIONS)) {
    try {
      await db.createCollection(name);
    } catch (e) {
      if (errorCodeOf(e) !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw e;
    }
  }
  ensured.add(db);
}
