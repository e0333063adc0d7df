/**
 * The subscribe messages (订阅消息) an organ sets up: what each is for, and the data keys of its template. Their own
 * module, re-exported by the organ function's (./organ): every function that sends a message needs these, not the
 * organ's profile and staff inputs.
 */
import * as z from 'zod';

/** What a subscribe message is for → its template id in the WeChat console (订阅消息). */
export const SUBSCRIBE_PURPOSES = [
  'approvalNeeded',
  'itemReturned',
  'itemPublished',
  'requestReceived',
  'requestAnswered',
  'deadlineNear',
] as const;
export type SubscribePurpose = (typeof SUBSCRIBE_PURPOSES)[number];

const subscribeKey = z
  .string()
  .trim()
  .regex(
    /^(thing|character_string|phrase|date|time|number|letter|symbol|amount|name|phone_number|car_number)\d{1,2}$/,
    '须为模板的字段名，如 thing4、phrase2',
  );

/**
 * The data keys of the request-progress subscribe-message template, as the WeChat console lists them for the
 * template the organ picked (e.g. 申请编号 character_string1, 办理状态 phrase2, 日期 date3, 备注 thing4).
 */
export const noticeFieldsSchema = z.object({
  applicationNo: subscribeKey,
  status: subscribeKey,
  date: subscribeKey,
  note: subscribeKey,
});
export type NoticeFields = z.infer<typeof noticeFieldsSchema>;
export const DEFAULT_NOTICE_FIELDS: NoticeFields = {
  applicationNo: 'character_string1',
  status: 'phrase2',
  date: 'date3',
  note: 'thing4',
};
/**
 * Staff reminders lead with a Chinese title (an item's, a report's year, a 申请编号): a `thing` key, since a
 * character_string takes ASCII only and would drop it.
 */
export const DEFAULT_REMINDER_FIELDS: NoticeFields = {
  applicationNo: 'thing1',
  status: 'phrase2',
  date: 'date3',
  note: 'thing4',
};

/**
 * The data keys per purpose, for templates whose keys differ from `noticeFields` (a staff template's first value is
 * the item's title, the 申请编号 or the report's year, in the `applicationNo` slot). A purpose not listed uses
 * `noticeFields` for requestAnswered (the applicant's progress) and DEFAULT_REMINDER_FIELDS for the others.
 */
export const templateFieldsSchema = z.partialRecord(z.enum(SUBSCRIBE_PURPOSES), noticeFieldsSchema);
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

/** The purposes whose messages go to staff (the 工作台's 微信提醒); requestAnswered goes to applicants. */
export const STAFF_PURPOSES = [
  'approvalNeeded',
  'itemReturned',
  'itemPublished',
  'requestReceived',
  'deadlineNear',
] as const satisfies readonly SubscribePurpose[];
export type StaffPurpose = (typeof STAFF_PURPOSES)[number];
