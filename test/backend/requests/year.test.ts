/**
 * A generated year: 60 requests (deterministic: pseudo-random dates and applicants, each course in turn) received
 * across 2025 into 2026, driven through the requests FUNCTION day by day with a fixed `now` per call — online
 * submissions confirmed by staff, paper and post entries, 补正 (answered and lapsed), 征求第三方意见, extensions,
 * fees by count (one applicant's 11th+ request in a month) and by pages (paid and unpaid), answers crossing the
 * year end, requests still open.
 * Then the 2025 report built from requestRecordsFor passes every check of shared/checks without an error, and
 * its table 三 equals a recount written here with plain loops over the stored documents.
 */
import { requestsFunction, requestRecordsFor } from '../../../backend/requests';
import { COLLECTIONS } from '../../../backend/collections';
import { rows, type Row } from '../../../backend/sdk';
import type {
  ActAnswer,
  ExtensionApprover,
  RequestPage,
  StaffRequestAnswer,
  SubmitRequestAnswer,
} from '../../../shared/api/requests';
import { addDays, createCalendar, feeByPages } from '../../../shared/calendar';
import { checkReport } from '../../../shared/checks';
import { APPLICANT_TYPES, cellAddress, OUTCOME_ROWS, type ApplicantType, type Outcome } from '../../../shared/format';
import type { RequestRecord } from '../../../shared/records';
import { buildReport, type ReportData } from '../../../shared/report';
import {
  idCardCheckChar,
  isCreditCode,
  type DeliveryForm,
  type RequestAction,
  type StaffEntryInput,
} from '../../../shared/requests';
import { ORGAN, seedOrgan, startBackend, type Backend } from '../harness';

const cal = createCalendar();
const wd = (date: string, n: number) => cal.addWorkdays(date, n).date;
const HORIZON = '2026-02-06';
const N = 60;
/** Requests spread over the year (before the last weeks of 2025), then in those weeks, then in January 2026. */
const SPREAD = 48;
const LATE_2025 = 54;

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20250101);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
function pick<T>(list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(body17: string): string {
  const sum = [...body17].reduce((s, c, i) => s + (CREDIT_WEIGHTS[i] ?? 0) * CREDIT_ALPHABET.indexOf(c), 0);
  return body17 + CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}
function idCard(i: number): string {
  const body = `632321${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

type Scenario =
  | 'plain'
  | 'correctionReceived'
  | 'correctionLapsed'
  | 'consultation'
  | 'extension'
  | 'extendConsult'
  | 'feePagesPaid'
  | 'feePagesUnpaid'
  | 'feeCountPaid'
  | 'feeCountUnpaid';

interface Step {
  date: string;
  action: RequestAction;
  /** For a fee by count: the place in the month the desk must report (get.nthThisMonth). */
  nth?: number;
}

interface Plan {
  i: number;
  online: boolean;
  owner: string | null;
  grants: boolean;
  submitDate: string;
  receivedDate: string;
  entry: StaffEntryInput;
  scenario: Scenario;
  steps: Step[];
  /** For a lapsed request: the day it counts as closed (the day after the applicant's deadline). */
  lapseDate?: string;
}

const CLOSE_ONLY: readonly Outcome[] = ['otherNoCorrection', 'otherFeeUnpaid', 'unavailableStillUnclear'];
/** Replaced by the organ's approver (a staff id) when the step is sent. */
const APPROVER = 'approver-of-the-organ';
const ANSWERABLE = OUTCOME_ROWS.filter((o) => !CLOSE_ONLY.includes(o));
const ORG_TYPES = APPLICANT_TYPES.filter((t) => t !== 'natural');
const FREQUENT = { from: 12, to: 25 } as const; // one person's 14 requests in May 2025
const answer = (outcome: Outcome = pick(ANSWERABLE)): RequestAction => ({
  type: 'answer',
  outcome,
  reason: '依照条例规定作出答复',
});

function completedLetter(outcome: string): string {
  return `政府信息公开申请答复书（${outcome}）：经审查作出答复。如对本答复不服，可以自收到本答复书之日起60日内向同仁市人民政府申请行政复议，或者自收到本答复书之日起6个月内向同仁市人民法院提起行政诉讼。`;
}

function receiptDay(i: number): string {
  if (i >= FREQUENT.from && i <= FREQUENT.to) return wd('2025-05-05', i - FREQUENT.from + 1);
  if (i >= SPREAD && i < LATE_2025) return wd('2025-12-12', (i - SPREAD + 1) * 2); // the last weeks of 2025
  if (i >= LATE_2025) return wd('2026-01-12', (i - LATE_2025) * 2); // January 2026
  return wd(addDays('2025-01-02', Math.floor((i * 342) / SPREAD) + between(0, 2)), 0);
}

/**
 * The other requests' courses in turn (not drawn at random), so that few requests still hold every course a year
 * has: each of the twelve places names one, the common ones twice.
 */
const COURSES: readonly Scenario[] = [
  'plain',
  'correctionReceived',
  'consultation',
  'extension',
  'correctionLapsed',
  'feePagesPaid',
  'extendConsult',
  'plain',
  'feePagesUnpaid',
  'correctionReceived',
  'consultation',
  'extension',
];
const PAGES_FORMS = ['paper', 'email', 'pickup'] as const;

function applicantOf(
  i: number,
  deliveryForm: DeliveryForm,
): Omit<StaffEntryInput, 'receivedDate' | 'channel' | 'postmarkDate'> {
  const frequent = i >= FREQUENT.from && i <= FREQUENT.to;
  const common = {
    phone: frequent ? '13900009999' : `1390000${String(i).padStart(4, '0')}`,
    address: `青海省黄南藏族自治州同仁市扎毛乡第${(i % 9) + 1}村${i}号`,
    description: `请公开扎毛乡第${(i % 9) + 1}村${['草原补奖', '低保', '危房改造', '土地流转', '村级公益项目'][i % 5] ?? ''}的相关信息`,
    deliveryForm,
    ...(deliveryForm === 'email' ? { email: `a${i}@example.com` } : {}),
  };
  const type: ApplicantType = frequent || random() < 0.72 ? 'natural' : pick(ORG_TYPES);
  if (type === 'natural')
    return {
      ...common,
      applicantType: 'natural',
      name: frequent ? '多杰才让' : `申请人${i}`,
      idType: 'idCard',
      idNumber: frequent ? idCard(999) : idCard(i),
    };
  const code = creditCode(`91632321MA${String(i).padStart(7, '0')}`);
  if (!isCreditCode(code)) throw new Error('bad generated credit code');
  return {
    ...common,
    applicantType: type,
    organisationName: `同仁市某单位${i}`,
    contactName: `联系人${i}`,
    idType: 'creditCode',
    idNumber: code,
  };
}

function plan(i: number): Plan {
  const frequent = i >= FREQUENT.from && i <= FREQUENT.to;
  const online = !frequent && random() < 0.4;
  const nth = i - FREQUENT.from + 1;
  const scenario: Scenario =
    frequent && nth > 10 ? (nth === 14 ? 'feeCountUnpaid' : 'feeCountPaid') : (COURSES[i % COURSES.length] ?? 'plain');
  // A fee by pages goes with a form that has pages to count (paper, email, pickup).
  const byPages = scenario === 'feePagesPaid' || scenario === 'feePagesUnpaid';
  const deliveryForm: DeliveryForm = byPages
    ? pick(PAGES_FORMS)
    : pick(['online', 'paper', 'email', 'pickup', 'inspection'] as const);
  const day = receiptDay(i);
  const submitDate = day;
  const receivedDate = online ? wd(day, between(0, 2)) : day;
  const channel = online ? 'online' : random() < 0.7 ? 'inPerson' : 'post';
  const entry: StaffEntryInput = {
    ...applicantOf(i, deliveryForm),
    channel,
    receivedDate,
    ...(channel === 'post' ? { postmarkDate: addDays(day, -2) } : {}),
  };
  const steps: Step[] = online ? [{ date: receivedDate, action: { type: 'confirmReceipt' } }] : [];
  const R = receivedDate;
  let lapseDate: string | undefined;
  switch (scenario) {
    case 'plain':
      steps.push({ date: wd(R, between(1, 23)), action: answer() });
      break;
    case 'correctionReceived': {
      const notice = wd(R, between(1, 6));
      const received = wd(notice, between(1, 8));
      steps.push({
        date: notice,
        action: { type: 'requestCorrection', items: '请写明所需信息的年度和名称', correctBy: wd(notice, 10) },
      });
      steps.push({ date: received, action: { type: 'receiveCorrection', description: '补正后的申请内容' } });
      steps.push({
        date: wd(received, between(1, 18)),
        action: answer(random() < 0.3 ? 'unavailableStillUnclear' : pick(ANSWERABLE)),
      });
      break;
    }
    case 'correctionLapsed': {
      const notice = wd(R, between(1, 6));
      const correctBy = wd(notice, 10);
      lapseDate = addDays(correctBy, 1);
      steps.push({
        date: notice,
        action: { type: 'requestCorrection', items: '请写明所需信息的年度和名称', correctBy },
      });
      steps.push({ date: wd(correctBy, between(2, 6)), action: { type: 'close' } });
      break;
    }
    case 'consultation': {
      const start = wd(R, between(2, 12));
      const end = wd(start, between(2, 14));
      steps.push({ date: start, action: { type: 'startConsultation', party: '相关第三方' } });
      steps.push({
        date: end,
        action: { type: 'endConsultation', opinion: pick(['agreed', 'objected', 'noReply'] as const) },
      });
      steps.push({
        date: wd(end, between(1, 6)),
        action: answer(random() < 0.4 ? 'withheldThirdParty' : pick(ANSWERABLE)),
      });
      break;
    }
    case 'extension': {
      const workdays = between(5, 20);
      steps.push({
        date: wd(R, between(12, 19)),
        action: { type: 'extend', workdays, approverId: APPROVER, reason: '需要调取档案' },
      });
      steps.push({ date: wd(R, 20 + between(1, workdays)), action: answer() });
      break;
    }
    case 'extendConsult': {
      const ext = wd(R, between(10, 15));
      const start = wd(ext, between(1, 3));
      const end = wd(start, between(3, 10));
      steps.push({
        date: ext,
        action: { type: 'extend', workdays: 15, approverId: APPROVER, reason: '需要征求第三方意见' },
      });
      steps.push({ date: start, action: { type: 'startConsultation', party: '相关第三方' } });
      steps.push({ date: end, action: { type: 'endConsultation', opinion: 'agreed' } });
      steps.push({ date: wd(end, between(1, 4)), action: answer() });
      break;
    }
    case 'feePagesPaid':
    case 'feePagesUnpaid': {
      const pages = between(31, 280);
      const notice = wd(R, between(1, 8));
      steps.push({
        date: notice,
        action: { type: 'noticeFee', feeBasis: { method: 'pages', pages }, amountYuan: feeByPages(pages) },
      });
      if (scenario === 'feePagesPaid') {
        const paid = wd(notice, between(1, 15));
        steps.push({ date: paid, action: { type: 'payFee' } }, { date: wd(paid, between(1, 10)), action: answer() });
      } else {
        lapseDate = addDays(wd(notice, 20), 1);
        steps.push({ date: wd(notice, between(23, 26)), action: { type: 'close' } });
      }
      break;
    }
    case 'feeCountPaid':
    case 'feeCountUnpaid': {
      const notice = wd(R, between(1, 3));
      steps.push({
        date: notice,
        action: { type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: nth }, amountYuan: 100 },
        nth,
      });
      if (scenario === 'feeCountPaid') {
        const paid = wd(notice, between(2, 8));
        steps.push(
          { date: paid, action: { type: 'payFee' } },
          { date: wd(paid, between(1, 5)), action: answer('disclosed') },
        );
      } else {
        lapseDate = addDays(wd(notice, 20), 1);
        steps.push({ date: wd(notice, 24), action: { type: 'close' } });
      }
      break;
    }
  }
  return {
    i,
    online,
    owner: online ? `oYear${i % 9}` : null,
    grants: online && i % 2 === 0,
    submitDate,
    receivedDate,
    entry,
    scenario,
    steps: steps.filter((s) => s.date <= HORIZON),
    ...(lapseDate ? { lapseDate } : {}),
  };
}

const PLANS: Plan[] = Array.from({ length: N }, (_, i) => plan(i));
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
const ids = new Map<number, { id: string; version: number }>();

async function ok<T>(openid: string | null, action: string, payload: unknown, date: string): Promise<T> {
  const r = await requestsFunction(
    { action, payload },
    { db: b.db, openid, now: () => at(date), log: () => undefined },
  );
  if (!r.ok) throw new Error(`requests.${action} on ${date} failed: ${r.code} ${r.message}`);
  return r.data as T;
}

const SECTIONS = {
  overview:
    '本年度扎毛乡人民政府认真贯彻政府信息公开条例，依申请公开实行网上申请、期限提醒和统一答复。工作考核、社会评议和责任追究结果情况：纳入年度考核，未发生责任追究。',
  problems: '一是部分申请答复用语不够规范；二是第三方意见征询耗时较长。改进情况：统一答复书模板，建立征询台账。',
};

/** 六 states the 信息处理费 actually collected this year (the fee notices whose fee was paid), as a report must. */
function sectionsWithFees() {
  const collected = PLANS.filter((p) => p.steps.some((s) => s.action.type === 'payFee'))
    .flatMap((p) => p.steps.map((s) => s.action))
    .reduce((sum, a) => sum + (a.type === 'noticeFee' ? Number(a.amountYuan) : 0), 0);
  return { ...SECTIONS, other: `本年度依照国办函〔2020〕109号共收取信息处理费${collected}元，已逐件登记。` };
}

beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b, '-year');
  const staff = [o.editor, o.reviewer, o.leader, o.admin];
  // The plans name the approver by a placeholder; the organ's own approver (its 分管领导) has a staff id.
  const [approver] = await ok<ExtensionApprover[]>(o.editor, 'approvers', {}, '2025-01-02');
  if (!approver) throw new Error('no extension approver');
  const withApprover = (action: RequestAction): RequestAction =>
    action.type === 'extend' ? { ...action, approverId: approver.id } : action;
  type Task = { date: string; i: number; seq: number; run: () => Promise<void> };
  const tasks: Task[] = [];
  for (const p of PLANS) {
    tasks.push({
      date: p.submitDate,
      i: p.i,
      seq: 0,
      run: async () => {
        const idempotencyKey = `year-${String(p.i).padStart(4, '0')}`;
        const { receivedDate: _received, postmarkDate: _postmark, ...submission } = p.entry;
        const created = p.owner
          ? await ok<SubmitRequestAnswer>(
              p.owner,
              'submit',
              { organId: o.organId, submission, idempotencyKey },
              p.submitDate,
            )
          : await ok<SubmitRequestAnswer>(pick(staff), 'record', { entry: p.entry, idempotencyKey }, p.submitDate);
        ids.set(p.i, { id: created.id, version: 1 });
        if (p.owner && p.grants)
          await ok(p.owner, 'grantNotice', { requestId: created.id, templateId: 'tmpl-progress' }, p.submitDate);
      },
    });
    p.steps.forEach((step, k) =>
      tasks.push({
        date: step.date,
        i: p.i,
        seq: k + 1,
        run: async () => {
          const current = ids.get(p.i);
          if (!current) throw new Error(`request ${p.i} not created`);
          const who = pick(staff);
          if (step.nth !== undefined) {
            const seen = await ok<StaffRequestAnswer>(who, 'get', { id: current.id }, step.date);
            expect(seen.nthThisMonth).toBe(step.nth);
          }
          let version = current.version;
          if (step.action.type === 'answer' && step.action.outcome === 'notProcessedMassRepeated') {
            // 条例 第三十五条: 不予处理 only after the applicant was asked for reasons (no pause).
            const asked = await ok<ActAnswer>(
              who,
              'act',
              { id: current.id, version, action: { type: 'askReasons' } },
              step.date,
            );
            version = asked.version;
          }
          const done = await ok<ActAnswer>(
            who,
            'act',
            {
              id: current.id,
              version,
              action: withApprover(step.action),
              // Staff complete the draft before sending: a letter with a 【请填写】 marker is refused.
              ...(step.action.type === 'answer' ? { letterText: completedLetter(step.action.outcome) } : {}),
            },
            step.date,
          );
          ids.set(p.i, { id: current.id, version: done.version });
        },
      }),
    );
  }
  tasks.sort((x, y) => x.date.localeCompare(y.date) || x.i - y.i || x.seq - y.seq);
  for (const t of tasks) await t.run();
});
afterAll(() => b.stop());

async function storedDocs(): Promise<Row[]> {
  const out: Row[] = [];
  for (let skip = 0; ; skip += 50) {
    const page = rows(
      await b.db
        .collection(COLLECTIONS.requests)
        .where({ organId: o.organId })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(50)
        .get(),
    );
    out.push(...page);
    if (page.length < 50) return out;
  }
}

const byId = (x: RequestRecord, y: RequestRecord) => x.id.localeCompare(y.id);

describe('requests: a generated year through the function', () => {
  it('covers what a year holds: corrections, lapses, consultations, extensions, fees, the year end, open requests', async () => {
    const docs = await storedDocs();
    expect(docs).toHaveLength(N);
    const has = (type: string) =>
      docs.filter((d) => (d.history as Row[]).some((h) => (h.action as Row).type === type)).length;
    const planned = (type: string) => PLANS.filter((p) => p.steps.some((s) => s.action.type === type)).length;
    // Every step the plans hold up to the horizon went through the function, and the year holds each course.
    for (const [type, least] of [
      ['requestCorrection', 12],
      ['receiveCorrection', 8],
      ['startConsultation', 12],
      ['extend', 12],
      ['noticeFee', 12],
      ['payFee', 6],
    ] as const) {
      expect({ type, count: has(type) }).toEqual({ type, count: planned(type) });
      expect({ type, enough: has(type) >= least }).toEqual({ type, enough: true });
    }
    const closed = docs.filter((d) => d.status === 'closed');
    expect(closed.filter((d) => d.outcome === 'otherNoCorrection').length).toBeGreaterThanOrEqual(3);
    expect(closed.filter((d) => d.outcome === 'otherFeeUnpaid').length).toBeGreaterThanOrEqual(1);
    const crossing = docs.filter(
      (d) => String(d.receivedDate) <= '2025-12-31' && String(d.answeredDate ?? '9999') > '2025-12-31',
    );
    expect(crossing.length).toBeGreaterThanOrEqual(5);
    expect(docs.filter((d) => d.status !== 'answered' && d.status !== 'closed').length).toBeGreaterThanOrEqual(4);
    expect(docs.filter((d) => d.channel === 'online').length).toBeGreaterThanOrEqual(15);
    // A closed request counts from the day after the applicant's deadline, whenever staff closed it.
    for (const p of PLANS.filter((x) => x.lapseDate && x.steps.some((s) => s.action.type === 'close'))) {
      const doc = docs.find((d) => d._id === ids.get(p.i)?.id);
      expect(doc).toMatchObject({ status: 'closed', answeredDate: p.lapseDate });
    }
  });

  it('builds the 2025 report from requestRecordsFor: every check passes and table 三 equals an independent recount', async () => {
    const records = await requestRecordsFor(b.db, o.organId, 2025);
    expect([...(await requestRecordsFor(b.db, o.organId, 2025, 37))].sort(byId)).toEqual([...records].sort(byId));
    const report = buildReport(2025, {
      organ: ORGAN.name,
      requests: records,
      statEntries: [],
      cases: [],
      items: [],
      sections: sectionsWithFees(),
    }).report;
    const findings = checkReport(report);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(findings).toEqual([]); // not even a warning

    // The recount: plain loops over the stored documents.
    const docs = await storedDocs();
    const expected = new Map<string, number>();
    const add = (row: string, column: string) => {
      for (const c of [column, 'total'])
        expected.set(cellAddress('applications', row, c), (expected.get(cellAddress('applications', row, c)) ?? 0) + 1);
    };
    for (const d of docs) {
      const received = typeof d.receivedDate === 'string' ? d.receivedDate : null;
      if (received === null) continue; // an online submission not yet confirmed is not received (第三十一条)
      const column = String(d.applicantType);
      const finished = d.status === 'answered' || d.status === 'closed';
      const answered = finished && typeof d.answeredDate === 'string' ? d.answeredDate : null;
      if (received >= '2025-01-01' && received <= '2025-12-31') add('newReceived', column);
      if (received < '2025-01-01' && (answered === null || answered >= '2025-01-01')) add('carriedOver', column);
      if (answered !== null && answered >= '2025-01-01' && answered <= '2025-12-31') {
        add(String(d.outcome), column);
        add('resultTotal', column);
      }
      if (received <= '2025-12-31' && (answered === null || answered > '2025-12-31')) add('carriedForward', column);
    }
    const table3 = Object.keys(report.cells).filter((k) => k.startsWith('applications.'));
    expect(table3.length).toBe(25 * 7);
    for (const key of table3) expect([key, report.cells[key]]).toEqual([key, expected.get(key) ?? 0]);
    // And against the plan: every request received in 2025 is new this year.
    const planned2025 = PLANS.filter(
      (p) =>
        p.receivedDate.startsWith('2025-') && (!p.online || p.steps.some((s) => s.action.type === 'confirmReceipt')),
    ).length;
    expect(report.cells[cellAddress('applications', 'newReceived', 'total')]).toBe(planned2025);
    expect(report.cells[cellAddress('applications', 'carriedForward', 'total')]).toBeGreaterThanOrEqual(5);

    // The reports function reads the same records through its registered source.
    const built = await b.ok<{ report: ReportData }>(o.reviewer, 'reports', 'build', { year: 2025 });
    for (const key of table3) expect([key, built.report.cells[key]]).toEqual([key, report.cells[key]]);

    // 2026 (so far) follows on: 上年结转 equals 2025's 结转下年度, column by column.
    const next = buildReport(
      2026,
      {
        organ: ORGAN.name,
        requests: await requestRecordsFor(b.db, o.organId, 2026),
        statEntries: [],
        cases: [],
        items: [],
        sections: sectionsWithFees(),
      },
      report,
    ).report;
    expect(checkReport(next, { lastYear: report }).filter((f) => f.level === 'error')).toEqual([]);
    expect(next.cells[cellAddress('applications', 'carriedOver', 'total')]).toBe(
      report.cells[cellAddress('applications', 'carriedForward', 'total')],
    );
  });

  it('the desk lists the open requests at the horizon; granted owners got one message each', async () => {
    const docs = await storedDocs();
    const open = docs.filter((d) => d.status !== 'answered' && d.status !== 'closed');
    const page = await ok<RequestPage>(o.editor, 'list', { pageSize: 50 }, HORIZON);
    expect(page.counts.open).toBe(open.length);
    expect(page.total).toBe(N);
    const notifying = new Set(['requestCorrection', 'extend', 'noticeFee', 'answer', 'close']);
    const expectedMessages = PLANS.filter((p) => p.grants && p.steps.some((s) => notifying.has(s.action.type))).length;
    const sent = rows(await b.db.collection(COLLECTIONS.notifications).where({ organId: o.organId }).limit(1000).get());
    expect(expectedMessages).toBeGreaterThanOrEqual(5);
    expect(sent).toHaveLength(expectedMessages);
  });
});
