/**
 * The organ admin's actions: the full settings and their patch, invitations and the staff list, the organ's own
 * working-day calendar, and opening a new organ with the one-time setup code. Payloads are checked with the
 * shared schemas first, so a page shows the same Chinese field errors the function would give; the server checks
 * the admin role again on every call.
 */
import {
  inviteSchema,
  organCalendarSchema,
  parseWith,
  removeStaffSchema,
  setRequestCalendarSchema,
  setupSchema,
  updateProfileSchema,
  type BindAnswer,
  type Invitation,
  type OrganCalendar,
  type OrganSettings,
  type Result,
  type StaffListEntry,
  type StaffRole,
} from 'gongkai-core';
import type { OrganPublicProfile } from './catalog-types';
import { call } from './client';
import type { ProfilePatch, SetupPayload } from './staff-types';

export type { Invitation, OrganCalendar, OrganSettings, StaffListEntry } from 'gongkai-core';
export type { ProfilePatch, SetupPayload } from './staff-types';

/** `requests.getCalendar`: the organ's own years, and the years the official data (chinese-days) covers. */
export interface CalendarAnswer {
  calendar: OrganCalendar;
  officialYears: number[];
}

export function fetchSettings(): Promise<Result<OrganSettings>> {
  return call('organ', 'settings', {});
}

export async function updateProfile(patch: ProfilePatch): Promise<Result<OrganPublicProfile>> {
  const input = parseWith(updateProfileSchema, { patch });
  if (!input.ok) return input;
  return call('organ', 'updateProfile', input.data);
}

export function listStaff(): Promise<Result<StaffListEntry[]>> {
  return call('organ', 'listStaff', {});
}

/** Not idempotent on the server on purpose (the code is shown once): a double tap makes a spare code. */
export async function invite(role: StaffRole, expiresInDays: number): Promise<Result<Invitation>> {
  const input = parseWith(inviteSchema, { role, expiresInDays });
  if (!input.ok) return input;
  return call('organ', 'invite', input.data);
}

export async function removeStaff(staffId: string): Promise<Result<{ id: string }>> {
  const input = parseWith(removeStaffSchema, { staffId });
  if (!input.ok) return input;
  return call('organ', 'removeStaff', input.data);
}

export async function fetchCalendar(): Promise<Result<CalendarAnswer>> {
  const result = await call('requests', 'getCalendar', {});
  if (!result.ok) return result;
  // A stored table is validated when saved; one that no longer reads is shown as empty rather than half.
  const calendar = organCalendarSchema.safeParse(result.data.calendar);
  return {
    ok: true,
    data: { calendar: calendar.success ? calendar.data : { years: {} }, officialYears: result.data.officialYears },
  };
}

export async function saveCalendar(calendar: OrganCalendar): Promise<Result<{ calendar: OrganCalendar }>> {
  const input = parseWith(setRequestCalendarSchema, { calendar });
  if (!input.ok) return input;
  return call('requests', 'setCalendar', input.data);
}

export async function setupOrgan(payload: SetupPayload): Promise<Result<BindAnswer>> {
  const input = parseWith(setupSchema, payload);
  if (!input.ok) return input;
  return call('organ', 'setup', input.data);
}
