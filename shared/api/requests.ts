/**
 * The `requests` function (依申请公开): what the citizen page and the staff desk send and get back. Payloads are
 * zod schemas (the pages validate with the same ones); answers are plain DTO types. Personal data (证件号码, 电话,
 * 地址) appears only in the staff answer of `get`; every citizen answer carries the masked applicant view.
 *
 * | action | who | payload |
 * |---|---|---|
 * | submit | signed in (the OPENID owns the request) | organId, submission, idempotencyKey |
 * | track | anyone (rate limited) | queryCode + phoneLast4 → applicant view; or organId + applicationNo + phoneLast4 → public view |
 * | mine, view | signed in: the owner only | page / id |
 * | grantNotice | signed in: the owner only | requestId (the request's id), templateId |
 * | list, get, act, record, letter (reply letter or notice), approvers, reissueCode, getCalendar | staff of the organ | … |
 * | setCalendar | admin | calendar |
 */
import * as z from 'zod';
import { typeError } from '../errors';
// Module by module (not the index files): the mini program's core bundle takes these schemas without the
// letters, views and workflow of shared/requests.
import type { IsoDate } from '../calendar/dates';
import { organCalendarSchema, type OrganCalendar } from '../calendar/schema';
import { labelledCodes } from '../codes';
import { OUTCOME_ROWS, type Outcome } from '../format';
import { answerDetailsSchema, requestActionSchema, type ActionType } from '../requests/actions';
import {
  NOTICE_KINDS,
  THIRD_PARTY_LETTER_KINDS,
  type NoticeKind,
  type ThirdPartyLetterKind,
} from '../requests/notice-kinds';
import { REQUEST_STATUSES, type RequestStatus } from '../requests/model';
import { staffEntrySchema, submissionSchema } from '../requests/schema';
import type { ApplicantView, PublicView, StaffView } from '../requests/views';

/**
 * The idempotency key of one tap (8–64 characters, made by the client): a repeat with the same one makes no second
 * request. The same idea, and the same name, as the envelope's idempotencyKey.
 */
export const idempotencyKeyField = z
  .string({ error: typeError('操作编号', '须为文本') })
  .min(8, { error: '操作编号至少 8 个字符' })
  .max(64, { error: '操作编号不能超过 64 个字符' });

const idField = (label: string) =>
  z
    .string({ error: typeError(label, '须为文本') })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(64);

/** An online submission is always channel 'online' (条例 第三十一条: received the day the organ confirms it). */
const onlineSubmission = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, channel: 'online' } : v),
  submissionSchema,
);

export const submitRequestSchema = z.object({
  organId: idField('机关'),
  submission: onlineSubmission,
  idempotencyKey: idempotencyKeyField,
});
export type SubmitRequestInput = z.input<typeof submitRequestSchema>;

export const phoneLast4Field = z
  .string({ error: typeError('手机号后四位', '须为文本') })
  .trim()
  .regex(/^\d{4}$/, { error: '手机号后四位须为 4 位数字' });

/**
 * Either the secret 查询码 (→ the applicant view, masked) or the printed 申请编号 with its organ (→ the public
 * view: status and dates only); the phone's last 4 digits in both cases.
 */
export const trackRequestSchema = z
  .object({
    queryCode: z
      .string({ error: typeError('查询码', '须为文本') })
      .trim()
      .max(20, { error: '查询码过长' })
      .optional(),
    organId: idField('机关').optional(),
    applicationNo: z
      .string({ error: typeError('申请编号', '须为文本') })
      .trim()
      .max(30, { error: '申请编号过长' })
      .optional(),
    phoneLast4: phoneLast4Field,
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.queryCode && !v.applicationNo) add('queryCode', '请填写查询码或申请编号');
    if (v.queryCode && v.applicationNo) add('applicationNo', '查询码和申请编号只填一个');
    if (v.applicationNo && !v.organId) add('organId', '按申请编号查询须指明机关');
  });
export type TrackRequestInput = z.input<typeof trackRequestSchema>;

const pageField = z
  .number({ error: typeError('页码', '须为数字') })
  .int()
  .min(1)
  .default(1);
const pageSizeField = z
  .number({ error: typeError('每页条数', '须为数字') })
  .int()
  .min(1)
  .max(50)
  .default(20);

export const mineRequestsSchema = z.object({ page: pageField, pageSize: pageSizeField });
export const viewRequestSchema = z.object({ id: idField('申请') });
export const grantNoticeSchema = z.object({
  /** The request's own id (as in `mine`). */
  requestId: idField('申请'),
  /** The subscribe-message template the citizen accepted in wx.requestSubscribeMessage. */
  templateId: idField('消息模板'),
});

export const listRequestsSchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  page: pageField,
  pageSize: pageSizeField,
});
export type ListRequestsInput = z.input<typeof listRequestsSchema>;

export const getRequestSchema = z.object({ id: idField('申请') });

export const actRequestSchema = z.object({
  id: idField('申请'),
  /** The version the staff page shows: a stale one is refused with CONFLICT (someone acted meanwhile). */
  version: z
    .number({ error: typeError('版本', '须为数字') })
    .int()
    .positive(),
  action: requestActionSchema,
  /** For answer and close: the reply letter as staff edited it (else the draft of `letter` is stored). */
  letterText: z
    .string({ error: typeError('答复书', '须为文本') })
    .trim()
    .min(1)
    .max(10_000)
    .optional(),
});
export type ActRequestInput = z.input<typeof actRequestSchema>;

/** Staff entry of a paper, post or in-person request (条例 第三十一条); receivedDate may not be after today. */
export const recordRequestSchema = z.object({ entry: staffEntrySchema, idempotencyKey: idempotencyKeyField });
export type RecordRequestInput = z.input<typeof recordRequestSchema>;

export const requestLetterSchema = z
  .object({
    id: idField('申请'),
    /** Draft for this outcome before answering; defaults to the request's own outcome once answered or closed. */
    outcome: z.enum(OUTCOME_ROWS).optional(),
    /** With `outcome`: what staff have written so far (reason, how provided, the responsible organ…), filled in. */
    details: answerDetailsSchema.optional(),
    /** Instead of the reply letter: the latest notice of this kind the request was sent. */
    notice: z.enum(NOTICE_KINDS).optional(),
    /** Instead: the latest letter to the third party (条例 第三十二条), staff only. */
    thirdParty: z.enum(THIRD_PARTY_LETTER_KINDS).optional(),
  })
  .refine((v) => !(v.outcome && v.notice), {
    path: ['notice'],
    error: '办理结果和通知书只填一个',
  });
/** How staff checked, face to face, that the person asking for a new 查询码 is the applicant or their agent. */
export const { codes: IDENTITY_CHECK_METHODS, labels: IDENTITY_CHECK_LABELS } = labelledCodes({
  inPerson: '申请人本人持证件当面核验',
  agent: '代理人持授权委托书和双方证件当面核验',
});
export type IdentityCheckMethod = (typeof IDENTITY_CHECK_METHODS)[number];

/**
 * A lost 查询码 is reissued only after an identity check recorded with it: how it was done, and the last four
 * characters of the document's number as staff read them off it, which the function compares with the request's
 * own (a mismatch reissues nothing). The note (who came, which document) is kept with the request, staff only.
 */
export const reissueCodeSchema = z.object({
  id: idField('申请'),
  check: z.strictObject({
    method: z.enum(IDENTITY_CHECK_METHODS, { error: '核验方式须为 inPerson（本人）或 agent（代理人）' }),
    idLast4: z
      .string({ error: typeError('证件号码后四位', '须为文本') })
      .trim()
      .regex(/^[0-9A-Za-z]{4}$/, { error: '证件号码后四位须为 4 位数字或字母' })
      .transform((s) => s.toUpperCase()),
    note: z
      .string({ error: typeError('核验说明', '须为文本') })
      .trim()
      .max(200, { error: '核验说明不能超过 200 个字' })
      .optional(),
  }),
});
export type ReissueCodeInput = z.input<typeof reissueCodeSchema>;

/** One reissue of the 查询码, as the request keeps it (no ID digits: they are the request's own). */
export interface CodeReissue {
  date: IsoDate;
  method: IdentityCheckMethod;
  note: string | null;
}
export const setRequestCalendarSchema = z.object({ calendar: organCalendarSchema });

// ---- answers ----

/** Where a request stands against its deadline (shared/calendar computeDeadline), as the pages show it. */
export interface DeadlineSummary {
  dueDate: IsoDate;
  /** While paused (补正, 征求意见, 收费) the due date moves on each day of the pause. */
  projected: boolean;
  daysRemaining: number;
  /** Working days past the due date (0 unless overdue): the desk's 已逾期 N 个工作日. */
  daysOverdue: number;
  atRisk: boolean;
  overdue: boolean;
  pausedBy: 'correction' | 'consultation' | 'fee' | null;
  /** The applicant's correction or payment deadline, or the third party's reply deadline. */
  pauseEndsBy: IsoDate | null;
  /** Counted with a year that has no holiday table: flagged, with a prompt to enter it. */
  provisional: boolean;
  /** Staff only (an instruction to enter the year's 放假安排): null in the applicant's and the public answer. */
  prompt: string | null;
  /** For the applicant, when provisional: a plain note that the date may still move. */
  note: string | null;
}

export interface ReplyLetter {
  title: string;
  text: string;
  date: IsoDate;
}

export interface SubmitRequestAnswer {
  id: string;
  applicationNo: string;
  /** Shown once: only its SHA-256 is stored. null on a repeat of the same idempotencyKey (see `repeated`). */
  queryCode: string | null;
  repeated: boolean;
  status: RequestStatus;
  statusLabel: string;
  /** null for an online submission until staff confirm receipt. */
  deadline: DeadlineSummary | null;
}

/** A 补正 / 延期 / 收费 notice the request was sent (shared/requests/letters/issued.ts). */
export interface NoticeLetter {
  kind: NoticeKind;
  title: string;
  text: string;
  date: IsoDate;
}

/** `letter` with `thirdParty`: the 征求意见函 or the disclosure notice to the third party (staff only). */
export interface ThirdPartyLetterAnswer {
  kind: ThirdPartyLetterKind;
  title: string;
  text: string;
  date: string;
}

/** The owner's (or the 查询码 holder's) answer: personal data masked, the reply letter once answered. */
export interface ApplicantAnswer extends ApplicantView {
  deadline: DeadlineSummary | null;
  letter: ReplyLetter | null;
  /** The notices sent so far, oldest first (masked like the letter). */
  notices: NoticeLetter[];
}

export interface OwnRequest extends ApplicantAnswer {
  id: string;
}

export interface OwnRequestPage {
  list: OwnRequest[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublicAnswer extends PublicView {
  deadline: DeadlineSummary | null;
}

export type TrackAnswer = ({ view: 'applicant' } & ApplicantAnswer) | ({ view: 'public' } & PublicAnswer);

/** A row of the staff desk: nothing personal beyond the masked name. */
export interface RequestRow {
  id: string;
  version: number;
  applicationNo: string;
  status: RequestStatus;
  statusLabel: string;
  channelLabel: string;
  applicantTypeLabel: string;
  /** 张* — or an organisation's name. */
  applicantName: string;
  submittedDate: IsoDate;
  receivedDate: IsoDate | null;
  deadline: DeadlineSummary | null;
  outcome: Outcome | null;
  outcomeLabel: string | null;
  answeredDate: IsoDate | null;
}

export interface RequestPage {
  /** Open requests first (awaiting confirmation, then by due date), then answered or closed ones, latest first. */
  list: RequestRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Over all open requests of the organ, whatever the page. */
  counts: { open: number; atRisk: number; overdue: number };
}

/** The staff answer of `get`: everything, for the organ's own staff. The 查询码 is stored only hashed. */
export interface StaffRequestAnswer extends StaffView {
  version: number;
  deadline: DeadlineSummary | null;
  /** 109号: this request's place among the applicant's requests received the same month (fee by count). */
  nthThisMonth: number;
  letter: ReplyLetter | null;
  /** Whether the owner is notified on status changes (a grant is waiting). */
  noticesGranted: number;
  /** Each new 查询码 staff issued, with the identity check recorded for it. */
  codeReissues: CodeReissue[];
}

export interface ActAnswer {
  id: string;
  version: number;
  status: RequestStatus;
  statusLabel: string;
  actions: ActionType[];
  deadline: DeadlineSummary | null;
  notified: boolean;
}

/** `approvers`: who may approve an extension (条例 第三十三条), for the desk's picker. */
export interface ExtensionApprover {
  id: string;
  displayName: string;
  roleLabel: string;
}

export interface LetterAnswer {
  outcome: Outcome;
  title: string;
  /** Editable draft; 【请填写：…】 marks what staff still have to fill in. */
  text: string;
  missing: string[];
}

/** `reissueCode`: the new 查询码, shown once (only its hash is stored). */
export interface ReissuedCode {
  id: string;
  applicationNo: string;
  queryCode: string;
}

/** `getCalendar`: the organ's own years, and the years the official data (chinese-days) covers. */
export interface CalendarAnswer {
  calendar: OrganCalendar;
  officialYears: number[];
}

/** `grantNotice`: how many progress messages the owner may still be sent for this request. */
export interface NoticeGrant {
  requestId: string;
  pending: number;
}
