/**
 * The organ's working-day calendar (organ_calendars, one document per organ, its id): the holiday table the admin
 * saves over chinese-days' official data. Its own module, so a function that counts working days (items'
 * 第二十六条, reports' late replies) does not bundle the requests store.
 */
import * as z from 'zod';
import { createCalendar, type Calendar, type OrganCalendar } from '../shared/calendar';
import { COLLECTIONS } from './collections';
import type { Store } from './sdk';
import { storedDate, typedCollection } from './typed-store';

/** The organ's holiday table (organ_calendars, one document per organ) over chinese-days' official data. */
export async function calendarFor(store: Store, organId: string): Promise<Calendar> {
  const stored = await storedCalendar(store, organId);
  // Validated when saved (setCalendar); a table that no longer parses falls back to the official data.
  try {
    return stored ? createCalendar(stored as OrganCalendar) : createCalendar();
  } catch {
    return createCalendar();
  }
}

/** organ_calendars: one document per organ (its id), the table checked when it is used. */
const organCalendars = typedCollection(
  COLLECTIONS.organCalendars,
  z.looseObject({
    _id: z.string(),
    calendar: z.unknown(),
    updatedAt: storedDate.optional().catch(undefined),
    updatedBy: z.string().nullable().optional().catch(null),
  }),
);

/** The organ's calendar document as stored (the audit's `before` of a change), or null. */
export function storedCalendarDocument(store: Store, organId: string) {
  return organCalendars.get(store, organId);
}

/** The organ's own holiday table as the admin saved it (not yet checked against the official data). */
export async function storedCalendar(store: Store, organId: string): Promise<unknown> {
  return (await storedCalendarDocument(store, organId))?.calendar;
}

/** Saves the organ's holiday table (validated by the action's schema). */
export async function saveCalendar(tx: Store, organId: string, calendar: OrganCalendar, by: string | null, now: Date) {
  await organCalendars.set(tx, { _id: organId, calendar, updatedAt: now, updatedBy: by });
}
