/** The `requests` function's contract: each action's input, answer, access and rules. */
import * as z from 'zod';
import { clockEventSchema } from '../../calendar/events';
import { organCalendarSchema } from '../../calendar/schema';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../../format';
import { STAFF } from '../../policy/roles';
import { ACTION_LABELS, requestActionSchema, type ActionType } from '../../requests/actions';
import { ID_TYPES } from '../../requests/id-types';
import { REQUEST_STATUSES } from '../../requests/model';
import { DELIVERY_FORMS } from '../../requests/schema';
import { NOTICE_KINDS, THIRD_PARTY_LETTER_KINDS } from '../../requests/notice-kinds';
import { answerOf, defineContract, WRITE } from '../contract';
import {
  IDENTITY_CHECK_METHODS,
  actRequestSchema,
  getRequestSchema,
  grantNoticeSchema,
  listRequestsSchema,
  mineRequestsSchema,
  recordRequestSchema,
  reissueCodeSchema,
  requestLetterSchema,
  setRequestCalendarSchema,
  submitRequestSchema,
  trackRequestSchema,
  viewRequestSchema,
  type ActAnswer,
  type DeadlineSummary,
  type ExtensionApprover,
  type LetterAnswer,
  type NoticeLetter,
  type OwnRequest,
  type OwnRequestPage,
  type RequestPage,
  type RequestRow,
  type StaffRequestAnswer,
  type SubmitRequestAnswer,
  type ThirdPartyLetterAnswer,
  type TrackAnswer,
} from '../requests';

const ACTION_TYPES = Object.keys(ACTION_LABELS) as [ActionType, ...ActionType[]];
// ---- answer schemas (the tests check every answer with them) ----

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const status = z.enum(REQUEST_STATUSES);
const outcome = z.enum(OUTCOME_ROWS);
const deadlineSchema: z.ZodType<DeadlineSummary | null> = z
  .object({
    dueDate: day,
    projected: z.boolean(),
    daysRemaining: z.number().int(),
    daysOverdue: z.number().int().nonnegative(),
    atRisk: z.boolean(),
    overdue: z.boolean(),
    pausedBy: z.enum(['correction', 'consultation', 'fee']).nullable(),
    pauseEndsBy: day.nullable(),
    provisional: z.boolean(),
    prompt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .nullable();
const publicFields = {
  applicationNo: z.string(),
  status,
  statusLabel: z.string(),
  receivedDate: day.nullable(),
  outcome: outcome.nullable(),
  outcomeLabel: z.string().nullable(),
  answeredDate: day.nullable(),
};
const letterSchema = z.object({ title: z.string(), text: z.string(), date: day });
const noticeLetterSchema: z.ZodType<NoticeLetter> = letterSchema.extend({ kind: z.enum(NOTICE_KINDS) });
/** What was asked (条例 第二十九条第二款（二）（三）), as the applicant and the staff see it. */
const contentFields = {
  description: z.string(),
  titleHint: z.string().optional(),
  docNoHint: z.string().optional(),
  deliveryForm: z.enum(DELIVERY_FORMS),
};
/** Who asked, field by field; strict: a field the view does not define (personal data) fails the answer. */
const personFields = {
  name: z.string().optional(),
  organisationName: z.string().optional(),
  contactName: z.string().optional(),
  idNumber: z.string(),
  phone: z.string(),
  address: z.string(),
  email: z.string().optional(),
};
const applicantFields = {
  ...publicFields,
  channelLabel: z.string(),
  submittedDate: day,
  applicant: z.strictObject({ ...personFields, applicantTypeLabel: z.string(), idTypeLabel: z.string() }),
  content: z.strictObject({ ...contentFields, deliveryFormLabel: z.string() }),
  timeline: z.array(z.object({ date: day, label: z.string(), detail: z.string().optional() })),
  deadline: deadlineSchema,
  letter: letterSchema.nullable(),
  notices: z.array(noticeLetterSchema),
};
const ownRequestSchema = answerOf<OwnRequest>(z.object({ id: z.string(), ...applicantFields }));
const trackAnswerSchema = answerOf<TrackAnswer>(
  z.discriminatedUnion('view', [
    z.object({ view: z.literal('applicant'), ...applicantFields }),
    z.object({ view: z.literal('public'), ...publicFields, deadline: deadlineSchema }),
  ]),
);
const pageFields = { total: z.number().int().nonnegative(), page: z.number().int(), pageSize: z.number().int() };
const submitAnswerSchema: z.ZodType<SubmitRequestAnswer> = z.object({
  id: z.string(),
  applicationNo: z.string(),
  queryCode: z.string().nullable(),
  repeated: z.boolean(),
  status,
  statusLabel: z.string(),
  deadline: deadlineSchema,
});
const requestRowSchema: z.ZodType<RequestRow> = z.object({
  id: z.string(),
  version: z.number().int(),
  applicationNo: z.string(),
  status,
  statusLabel: z.string(),
  channelLabel: z.string(),
  applicantTypeLabel: z.string(),
  applicantName: z.string(),
  submittedDate: day,
  receivedDate: day.nullable(),
  deadline: deadlineSchema,
  outcome: outcome.nullable(),
  outcomeLabel: z.string().nullable(),
  answeredDate: day.nullable(),
});
const requestPageSchema: z.ZodType<RequestPage> = z.object({
  list: z.array(requestRowSchema),
  ...pageFields,
  counts: z.object({ open: z.number().int(), atRisk: z.number().int(), overdue: z.number().int() }),
});
const staffRequestSchema = answerOf<StaffRequestAnswer>(
  z.object({
    id: z.string(),
    applicationNo: z.string(),
    queryCode: z.string(),
    status,
    statusLabel: z.string(),
    submittedDate: day,
    receivedDate: day.nullable(),
    applicant: z.strictObject({
      ...personFields,
      applicantType: z.enum(APPLICANT_TYPES),
      idType: z.enum(ID_TYPES),
    }),
    content: z.strictObject(contentFields),
    events: z.array(clockEventSchema),
    history: z.array(z.object({ date: day, action: requestActionSchema })),
    outcome: outcome.nullable(),
    answeredDate: day.nullable(),
    actions: z.array(z.enum(ACTION_TYPES)),
    version: z.number().int(),
    deadline: deadlineSchema,
    nthThisMonth: z.number().int().nonnegative(),
    letter: letterSchema.nullable(),
    noticesGranted: z.number().int().nonnegative(),
    codeReissues: z.array(z.object({ date: day, method: z.enum(IDENTITY_CHECK_METHODS), note: z.string().nullable() })),
  }),
);
const actAnswerSchema: z.ZodType<ActAnswer> = z.object({
  id: z.string(),
  version: z.number().int(),
  status,
  statusLabel: z.string(),
  actions: z.array(z.enum(ACTION_TYPES)),
  deadline: deadlineSchema,
  notified: z.boolean(),
});
const thirdPartyLetterSchema: z.ZodType<ThirdPartyLetterAnswer> = z.object({
  kind: z.enum(THIRD_PARTY_LETTER_KINDS),
  title: z.string(),
  text: z.string(),
  date: z.string(),
});
const letterAnswerSchema: z.ZodType<LetterAnswer | NoticeLetter | ThirdPartyLetterAnswer> = z.union([
  z.object({ outcome, title: z.string(), text: z.string(), missing: z.array(z.string()) }),
  noticeLetterSchema,
  thirdPartyLetterSchema,
]);
const approversSchema: z.ZodType<ExtensionApprover[]> = z.array(
  z.object({ id: z.string(), displayName: z.string(), roleLabel: z.string() }),
);
const calendarAnswer = z.object({ calendar: organCalendarSchema });
const noPayload = z.object({});

/**
 * The `requests` function: every action, what it takes and answers, who may call it, and how it runs. Submit and
 * record are idempotent by their payload's `idempotencyKey` (the request's id derives from it: store.ts), not by
 * the runtime's stored answer, which would keep the 查询码 in clear.
 */
export const requestsContract = defineContract({
  submit: { input: submitRequestSchema, answer: submitAnswerSchema, access: 'signedIn', ...WRITE },
  track: { input: trackRequestSchema, answer: trackAnswerSchema, access: 'public' },
  mine: {
    input: mineRequestsSchema,
    answer: answerOf<OwnRequestPage>(z.object({ list: z.array(ownRequestSchema), ...pageFields })),
    access: 'signedIn',
  },
  view: { input: viewRequestSchema, answer: ownRequestSchema, access: 'signedIn' },
  grantNotice: {
    input: grantNoticeSchema,
    answer: z.object({ requestId: z.string(), pending: z.number().int().nonnegative() }),
    access: 'signedIn',
  },
  list: { input: listRequestsSchema, answer: requestPageSchema, access: STAFF },
  get: { input: getRequestSchema, answer: staffRequestSchema, access: STAFF, audited: true },
  act: { input: actRequestSchema, answer: actAnswerSchema, access: STAFF, ...WRITE },
  record: { input: recordRequestSchema, answer: submitAnswerSchema, access: STAFF, ...WRITE },
  letter: { input: requestLetterSchema, answer: letterAnswerSchema, access: STAFF, audited: true },
  approvers: { input: noPayload, answer: approversSchema, access: STAFF },
  reissueCode: {
    input: reissueCodeSchema,
    answer: z.object({ id: z.string(), applicationNo: z.string(), queryCode: z.string() }),
    access: STAFF,
    ...WRITE,
  },
  getCalendar: {
    input: noPayload,
    answer: calendarAnswer.extend({ officialYears: z.array(z.number().int()) }),
    access: STAFF,
  },
  setCalendar: { input: setRequestCalendarSchema, answer: calendarAnswer, access: ['admin'], ...WRITE },
});
