/**
 * The requests function (依申请公开): citizens submit online, follow a request with its 查询码 and list their own;
 * staff of the organ confirm, act through the state machine of shared/requests (补正, 征求意见, 延期, 收费, 答复,
 * 终止) with optimistic concurrency, enter paper requests, and draft reply letters. Every staff read of a request
 * (which shows personal data) is audited; audit entries hold hashes only. requestRecordsFor feeds the report.
 * Writes (submit, record, act, reissueCode, setCalendar) are transactional: the document, the 申请编号 counter, the
 * audit entry and any subscribe message commit together or not at all. Submit and record are idempotent by the
 * payload's idempotencyKey without the runtime's stored answer (it would keep the 查询码 in clear): see store.ts.
 */
import type {
  ActAnswer,
  ExtensionApprover,
  LetterAnswer,
  NoticeLetter,
  OwnRequest,
  OwnRequestPage,
  StaffRequestAnswer,
  SubmitRequestAnswer,
} from '../../shared/api/requests';
import { OFFICIAL_YEARS, type Calendar } from '../../shared/calendar';
import { organCalendarSchema } from '../../shared/calendar/schema';
import {
  applyAction,
  createFromStaffEntry,
  createFromSubmission,
  latestNotice,
  NOTICE_TITLES,
  nthRequestThisMonth,
  STATUS_LABELS,
  thirdPartyLetters,
  toFailure,
  toStaffView,
  type NoticeSettings,
} from '../../shared/requests';
import { requestsContract } from '../../shared/api/contracts/requests';
import type { ThirdPartyLetterAnswer } from '../../shared/api/requests';
import { staffOf, type Caller } from '../caller';
import { AppError, conflict, notFound } from '../errors';
import { defineFunction, type HandlerContext, type TxContext } from '../runtime';
import { shanghaiDate } from '../time';
import { checkApprover, extensionApprovers } from './approvers';
import { listRequests } from './list';
import { grantNotice, pendingGrants } from './notify';
import { requestRecordsFor } from './records';
import { remindReceived } from './reminders';
import {
  calendarFor,
  createRequest,
  isFinal,
  loadForOwner,
  loadForStaff,
  ownerPage,
  replaceQueryCode,
  sameApplicantInMonth,
  saveCalendar,
  storedCalendar,
  storedCalendarDocument,
  type Created,
  type StoredRequest,
} from './store';
import { callerKey, checkLimit, LIMITS, recordAttempt } from '../limits';
import { track } from './track';
import { draftFor, noticeSettingsFor, storeStep } from './transition';
import { applicantAnswer, deadlineFor } from './views';

export { requestRecordsFor };
export { sweepRequests } from './sweep';

function signedIn(ctx: { caller: Caller }): string {
  if (!ctx.caller.openid) throw new AppError('UNAUTHENTICATED', '请先在微信中打开并登录');
  return ctx.caller.openid;
}

async function created(ctx: TxContext, result: Created): Promise<SubmitRequestAnswer> {
  const { stored, queryCode } = result;
  if (queryCode)
    ctx.audit({
      action: stored.ownerOpenid ? 'submit' : 'record',
      target: stored.request.id,
      after: stored.document,
      organId: stored.organId, // a citizen's submission belongs to the organ's chain too
    });
  const calendar = await calendarFor(ctx.tx, stored.organId);
  return {
    id: stored.request.id,
    applicationNo: stored.request.applicationNo,
    queryCode,
    repeated: queryCode === null,
    status: stored.request.status,
    statusLabel: STATUS_LABELS[stored.request.status],
    deadline: deadlineFor(calendar, stored.request, shanghaiDate(ctx.now)),
  };
}

function own(stored: StoredRequest, calendar: Calendar, today: string, settings: NoticeSettings): OwnRequest {
  return { id: stored.request.id, ...applicantAnswer(stored, calendar, today, settings) };
}

/** 109号 第四条: this request's place among the same applicant's requests received in its month. */
async function nthThisMonth(ctx: { db: HandlerContext['db'] }, stored: StoredRequest): Promise<number> {
  const received = stored.request.receivedDate;
  if (received === null) return 0;
  return nthRequestThisMonth(stored.request, await sameApplicantInMonth(ctx.db, stored, received.slice(0, 7)));
}

export const requestsFunction = defineFunction('requests', requestsContract, {
  // ---- citizens ----

  submit: {
    async transaction(input, ctx) {
      const owner = signedIn(ctx);
      const who = callerKey(ctx.caller);
      await checkLimit(ctx.db, LIMITS.submit, who, ctx.now);
      const result = await createRequest(ctx.tx, {
        caller: ctx.caller,
        now: ctx.now,
        organId: input.organId,
        owner,
        kind: 'submit',
        idempotencyKey: input.idempotencyKey,
        build: (ids, today) => createFromSubmission(input.submission, ids, today),
      });
      if (result.queryCode) {
        await recordAttempt(ctx.tx, LIMITS.submit, who, ctx.now); // counts only when the request is filed
        await remindReceived(ctx, result.stored);
      }
      return created(ctx, result);
    },
  },

  track: { handler: (input, ctx) => track(input, ctx) },

  mine: {
    async handler(input, ctx): Promise<OwnRequestPage> {
      const openid = signedIn(ctx);
      const { requests: page, total } = await ownerPage(ctx.db, openid, {
        skip: (input.page - 1) * input.pageSize,
        limit: input.pageSize,
      });
      const today = shanghaiDate(ctx.now);
      const organs = new Map<string, { calendar: Calendar; settings: NoticeSettings }>();
      const list: OwnRequest[] = [];
      for (const stored of page) {
        let organ = organs.get(stored.organId);
        if (!organ)
          organs.set(
            stored.organId,
            (organ = {
              calendar: await calendarFor(ctx.db, stored.organId),
              settings: await noticeSettingsFor(ctx.db, stored.organId),
            }),
          );
        list.push(own(stored, organ.calendar, today, organ.settings));
      }
      return { list, total, page: input.page, pageSize: input.pageSize };
    },
  },

  view: {
    async handler(input, ctx) {
      const stored = await loadForOwner(ctx.db, ctx.caller, input.id);
      return own(
        stored,
        await calendarFor(ctx.db, stored.organId),
        shanghaiDate(ctx.now),
        await noticeSettingsFor(ctx.db, stored.organId),
      );
    },
  },

  grantNotice: {
    async handler(input, ctx) {
      const openid = signedIn(ctx);
      const stored = await loadForOwner(ctx.db, ctx.caller, input.requestId);
      if (isFinal(stored.request.status)) throw conflict('该申请已办结，无需再订阅办理进度');
      const pending = await grantNotice(ctx, stored.request.id, openid, input.templateId);
      return { requestId: stored.request.id, pending };
    },
  },

  // ---- the staff desk ----

  list: { handler: (input, ctx) => listRequests(ctx, staffOf(ctx).organId, input) },

  get: {
    async handler(input, ctx): Promise<StaffRequestAnswer> {
      const stored = await loadForStaff(ctx.db, ctx.caller, input.id);
      await ctx.audit({ action: 'read', target: stored.request.id });
      const calendar = await calendarFor(ctx.db, stored.organId);
      return {
        ...toStaffView(stored.request),
        version: stored.version,
        deadline: deadlineFor(calendar, stored.request, shanghaiDate(ctx.now)),
        nthThisMonth: await nthThisMonth(ctx, stored),
        letter: stored.letter,
        noticesGranted: await pendingGrants(ctx.db, stored.request.id, stored.ownerOpenid),
        codeReissues: stored.codeReissues,
      };
    },
  },

  act: {
    async transaction(input, ctx): Promise<ActAnswer> {
      const { tx } = ctx;
      const stored = await loadForStaff(tx, ctx.caller, input.id);
      if (stored.version !== input.version)
        throw conflict(`该申请已被他人处理（当前第 ${stored.version} 版），您的操作未执行，请刷新后再试`);
      const today = shanghaiDate(ctx.now);
      const calendar = await calendarFor(tx, stored.organId);
      if (input.action.type === 'extend') await checkApprover(tx, stored.organId, input.action.approverId);
      // 109号: the fee position by count comes from the records, never from the page.
      const context = input.action.type === 'noticeFee' ? { nthThisMonth: await nthThisMonth(ctx, stored) } : {};
      const applied = applyAction(stored.request, input.action, today, calendar, context);
      if (!applied.ok) {
        const f = toFailure(applied);
        throw new AppError(
          f.code,
          f.message,
          f.fieldErrors?.map((e) => ({ path: `action.${e.path}`, message: e.message })),
        );
      }
      return storeStep(ctx, {
        stored,
        next: applied.data,
        action: input.action.type,
        calendar,
        letterText: input.letterText,
      });
    },
  },

  record: {
    async transaction(input, ctx) {
      const staff = staffOf(ctx);
      const today = shanghaiDate(ctx.now);
      if (input.entry.receivedDate > today) {
        const message = `收到申请日期（receivedDate）不能晚于今天 ${today}`;
        throw new AppError('VALIDATION', `输入有误：${message}`, [{ path: 'entry.receivedDate', message }]);
      }
      const result = await createRequest(ctx.tx, {
        caller: ctx.caller,
        now: ctx.now,
        organId: staff.organId,
        owner: null,
        kind: 'record',
        idempotencyKey: input.idempotencyKey,
        build: (ids, day) => createFromStaffEntry(input.entry, ids, day),
      });
      return created(ctx, result);
    },
  },

  letter: {
    async handler(input, ctx): Promise<LetterAnswer | NoticeLetter | ThirdPartyLetterAnswer> {
      const stored = await loadForStaff(ctx.db, ctx.caller, input.id);
      if (input.thirdParty) {
        const kind = input.thirdParty;
        const sent = thirdPartyLetters(
          stored.request,
          await noticeSettingsFor(ctx.db, stored.organId),
          await calendarFor(ctx.db, stored.organId),
        )
          .filter((l) => l.kind === kind)
          .pop();
        if (!sent) throw notFound('该申请的第三方文书');
        await ctx.audit({ action: 'letter', target: stored.request.id });
        return { kind: sent.kind, title: sent.title, text: sent.text, date: sent.date };
      }
      if (input.notice) {
        const notice = latestNotice(
          stored.request,
          input.notice,
          await noticeSettingsFor(ctx.db, stored.organId),
          await calendarFor(ctx.db, stored.organId),
        );
        if (!notice) throw notFound(`该申请的${NOTICE_TITLES[input.notice]}`);
        await ctx.audit({ action: 'letter', target: stored.request.id });
        return notice;
      }
      const outcome = input.outcome ?? stored.request.outcome;
      if (!outcome) {
        const message = '该申请尚未答复，请选择办理结果（outcome）后起草答复书';
        throw new AppError('VALIDATION', message, [{ path: 'outcome', message }]);
      }
      await ctx.audit({ action: 'letter', target: stored.request.id });
      const today = shanghaiDate(ctx.now);
      const letter = await draftFor(
        ctx.db,
        stored.request,
        stored.organId,
        outcome,
        await calendarFor(ctx.db, stored.organId),
        today,
        input.details,
      );
      return { outcome, title: letter.title, text: letter.text, missing: letter.missing };
    },
  },

  approvers: {
    handler: async (_input, ctx): Promise<ExtensionApprover[]> => extensionApprovers(ctx.db, staffOf(ctx).organId),
  },

  reissueCode: {
    async transaction(input, ctx) {
      const stored = await loadForStaff(ctx.tx, ctx.caller, input.id);
      const { method, idLast4, note } = input.check;
      // The check is the function's, not only the page's: the digits read off the document must be the request's.
      if (stored.request.applicant.idNumber.slice(-4).toUpperCase() !== idLast4) {
        const message = '证件号码后四位与申请记录不符，未补发查询码；请核对证件是否为申请时所填';
        throw new AppError('VALIDATION', message, [{ path: 'check.idLast4', message }]);
      }
      const reissue = {
        date: shanghaiDate(ctx.now),
        method,
        note: note ?? null,
        staffId: ctx.caller.staff?._id ?? null,
      };
      const { queryCode, before, after } = await replaceQueryCode(ctx.tx, stored, ctx.now, reissue);
      ctx.audit({ action: 'reissueCode', target: input.id, before, after });
      return { id: input.id, applicationNo: stored.request.applicationNo, queryCode };
    },
  },

  getCalendar: {
    async handler(_input, ctx) {
      const organId = staffOf(ctx).organId;
      // A stored table is checked when saved; one that no longer reads answers as empty rather than half.
      const stored = organCalendarSchema.safeParse((await storedCalendar(ctx.db, organId)) ?? { years: {} });
      const calendar = stored.success ? stored.data : { years: {} };
      return { calendar, officialYears: [...OFFICIAL_YEARS].sort((a, b) => a - b) };
    },
  },

  setCalendar: {
    async transaction(input, ctx) {
      const organId = staffOf(ctx).organId;
      const before = await storedCalendarDocument(ctx.tx, organId);
      await saveCalendar(ctx.tx, organId, input.calendar, ctx.caller.staff?._id ?? null, ctx.now);
      ctx.audit({ action: 'setCalendar', target: organId, before, after: input.calendar });
      return { calendar: input.calendar };
    },
  },
});
