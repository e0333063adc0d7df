/**
 * The 工作台's 微信提醒: asking WeChat for one-time subscriptions (wx.requestSubscribeMessage, only from a tap),
 * storing each accept with `organ.grantReminder` (one reminder each), and how many are left (`organ.reminders`).
 * The template ids are the organ's (organ.getProfile `templateIds`); the server checks each against them again.
 */
import { grantReminderSchema, parseWith, type ReminderCounts, type Result, type StaffPurpose } from 'gongkai-core';
import { call } from './client';

export type { ReminderCounts, StaffPurpose } from 'gongkai-core';

/** WeChat takes at most this many template ids per wx.requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_ASK = 3;

export function fetchReminders(): Promise<Result<ReminderCounts>> {
  return call('organ', 'reminders', {});
}

export async function grantReminder(purpose: StaffPurpose, templateId: string): Promise<Result<ReminderCounts>> {
  const input = parseWith(grantReminderSchema, { purpose, templateId });
  if (!input.ok) return input;
  return call('organ', 'grantReminder', input.data);
}

/**
 * Asks WeChat for the given templates; resolves each template id's answer ('accept', 'reject', 'ban', 'filter'),
 * or {} when the dialog failed (no tap, turned off in settings). Call it straight from the tap handler: WeChat
 * refuses a request that does not come from a tap.
 */
export function askSubscriptions(tmplIds: readonly string[]): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: tmplIds.slice(0, MAX_TEMPLATES_PER_ASK),
      success: (res) => resolve(res as unknown as Record<string, string>),
      fail: () => resolve({}),
    });
  });
}
