/** reports.status, reports.cellRecords and reports.exportHtml, through the real handlers and the local server. */
import { seedOrgan, startBackend, type Backend } from '../harness';
import { DEMO_APPLICANT } from '../../../backend/demo-applicant';
import { COLLECTIONS } from '../../../backend/collections';
import type { CellRecordsView, ExportedHtml, ReportStatus } from '../../../shared/api/reports';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
});
afterAll(() => b.stop());

const YEAR = 2025;
const SECTIONS = {
  overview: '本年度主动公开政府信息。工作考核、社会评议和责任追究结果情况：无。',
  problems: '一是……改进情况：……',
  other: '本年度未收取信息处理费。',
};
const PERSON = {
  ...DEMO_APPLICANT,
  description: '请公开本乡草原生态保护补助奖励资金的发放名单',
  deliveryForm: 'paper',
  channel: 'post',
};

function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function daysUntil(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000;
}

describe('reports.status', () => {
  it('says where each year stands, with the due date and the days left, through the whole chain', async () => {
    const lastYear = Number(today().slice(0, 4)) - 1;
    const byDefault = await b.ok<ReportStatus>(o.editor, 'reports', 'status', {});
    expect(byDefault).toEqual({
      year: lastYear,
      status: 'none',
      step: null,
      stepLabel: '未开始',
      dueDate: `${lastYear + 1}-01-31`,
      daysLeft: daysUntil(`${lastYear + 1}-01-31`),
      publishedId: null,
      countyComment: null,
    });

    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { reportDueDate: '03-15' } });
    expect(await b.ok<ReportStatus>(o.leader, 'reports', 'status', { year: YEAR })).toMatchObject({
      status: 'none',
      dueDate: '2026-03-15',
      daysLeft: daysUntil('2026-03-15'),
    });

    const built = await b.ok<{ version: number; status: string }>(o.editor, 'reports', 'build', { year: YEAR });
    expect(built).toMatchObject({ version: 0, status: 'draft' });
    await b.ok(o.editor, 'reports', 'saveNarrative', { year: YEAR, version: 0, sections: SECTIONS });
    expect(await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
      status: 'draft',
      step: null,
      stepLabel: '草稿',
    });

    await b.ok(o.editor, 'reports', 'submit', { year: YEAR }, 'rq-status-submit-1');
    expect(await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
      status: 'inReview',
      step: 0,
      stepLabel: '分管领导审核中',
    });
    await b.ok(o.reviewer, 'reports', 'approve', { year: YEAR });
    expect(await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
      status: 'inReview',
      step: 1,
      stepLabel: '第一负责人审批中',
    });

    // The reviewer cannot take the leader's step, and the refusal writes nothing.
    const auditBefore = (await b.db.collection(COLLECTIONS.audit).count()).total;
    expect(await b.call(o.reviewer, 'reports', 'approve', { year: YEAR })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '此步须由第一负责人审批，分管领导不能越级发布',
    });
    expect((await b.db.collection(COLLECTIONS.audit).count()).total).toBe(auditBefore);

    const done = await b.ok<{ status: string; published: { id: string; version: number } }>(
      o.leader,
      'reports',
      'approve',
      { year: YEAR },
      'rq-status-approve-1',
    );
    // A repeat of the same tap answers the first result and publishes nothing more.
    expect(await b.ok(o.leader, 'reports', 'approve', { year: YEAR }, 'rq-status-approve-1')).toEqual(done);
    expect(await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
      status: 'published',
      step: null,
      stepLabel: '已发布（第 1 版）',
      publishedId: done.published.id,
    });
    expect(await b.call(null, 'reports', 'status', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('the report’s approval chain is the organ’s', () => {
  it('an organ whose chain is the 第一负责人 alone: the leader’s one approval publishes; the chain stays with the submitted draft', async () => {
    const one = await seedOrgan(b, '-one-step');
    await b.ok(one.admin, 'organ', 'updateProfile', { patch: { chain: ['leader'] } });
    expect(await b.ok<{ chain: string[] }>(one.editor, 'reports', 'build', { year: YEAR })).toMatchObject({
      chain: ['leader'],
    });
    await b.ok(one.editor, 'reports', 'saveNarrative', { year: YEAR, version: 0, sections: SECTIONS });
    expect(await b.ok(one.editor, 'reports', 'submit', { year: YEAR })).toEqual({
      status: 'inReview',
      step: 0,
      waitingFor: 'leader',
    });
    // Changing the organ's chain now does not change the chain of the report already in review.
    await b.ok(one.admin, 'organ', 'updateProfile', { patch: { chain: ['reviewer', 'leader'] } });
    expect(await b.ok<ReportStatus>(one.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
      status: 'inReview',
      step: 0,
      stepLabel: '第一负责人审批中',
    });
    expect(await b.call(one.reviewer, 'reports', 'approve', { year: YEAR })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const done = await b.ok<{ status: string }>(one.leader, 'reports', 'approve', { year: YEAR });
    expect(done).toMatchObject({ status: 'published', published: { year: YEAR, version: 1 } });
  });
});

describe('reports.cellRecords', () => {
  it('lists the records behind a cell by kind, requests without personal data', async () => {
    await b.ok(o.editor, 'stats', 'create', {
      entry: { kind: 'count', metric: 'licensing.decisions', date: '2024-03-02', count: 7, note: '草原使用许可' },
    });
    const { id: caseId } = await b.ok<{ id: string }>(o.editor, 'cases', 'create', {
      case: {
        kind: 'review',
        filedDate: '2024-02-01',
        result: 'upheld',
        closedDate: '2024-04-01',
        caseNo: '黄府复〔2024〕3号',
      },
    });
    const recorded = await b.ok<{ id: string; applicationNo: string }>(o.editor, 'requests', 'record', {
      entry: { ...PERSON, receivedDate: '2024-05-06' },
      idempotencyKey: 'rq-cell-records-01',
    });

    const requests = await b.ok<CellRecordsView>(o.reviewer, 'reports', 'cellRecords', {
      year: 2024,
      cell: 'applications.newReceived.natural',
    });
    expect(requests).toMatchObject({ year: 2024, cell: 'applications.newReceived.natural', value: 1, total: 1 });
    expect(requests.label).toContain('自然人');
    expect(requests.records).toEqual([
      { kind: 'request', id: recorded.id, title: `申请编号 ${recorded.applicationNo}`, detail: '办理中' },
    ]);
    const text = JSON.stringify(requests);
    for (const personal of [PERSON.name, PERSON.idNumber, PERSON.phone, PERSON.address, PERSON.description])
      expect(text).not.toContain(personal);

    const stats = await b.ok<CellRecordsView>(o.editor, 'reports', 'cellRecords', {
      year: 2024,
      cell: 'proactive.licensing.decisions',
    });
    expect(stats).toMatchObject({
      value: 7,
      total: 1,
      records: [{ kind: 'statEntry', detail: '2024-03-02 · 7 件 · 草原使用许可' }],
    });

    const cases = await b.ok<CellRecordsView>(o.editor, 'reports', 'cellRecords', {
      year: 2024,
      cell: 'reviewLitigation.review.upheld',
    });
    expect(cases.records).toEqual([
      {
        kind: 'case',
        id: caseId,
        title: '行政复议 黄府复〔2024〕3号',
        detail: '立案 2024-02-01 · 审结 2024-04-01 · 结果维持',
      },
    ]);

    expect(
      await b.ok<CellRecordsView>(o.editor, 'reports', 'cellRecords', {
        year: 2024,
        cell: 'applications.newReceived.commercial',
      }),
    ).toMatchObject({ value: 0, total: 0, records: [] });
    expect(
      await b.call(o.editor, 'reports', 'cellRecords', { year: 2024, cell: 'applications.nothing.natural' }),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(
      await b.call('oCitizen', 'reports', 'cellRecords', { year: 2024, cell: 'applications.newReceived.natural' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another organ's staff see their own (empty) records, never these.
    const other = await seedOrgan(b, '-other');
    expect(
      await b.ok<CellRecordsView>(other.editor, 'reports', 'cellRecords', {
        year: 2024,
        cell: 'applications.newReceived.natural',
      }),
    ).toMatchObject({ total: 0, records: [] });
  });
});

describe('reports.exportHtml', () => {
  it('gives a published report as a standalone HTML page, to staff', async () => {
    const status = await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year: YEAR });
    const id = status.publishedId ?? '';
    const exported = await b.ok<ExportedHtml>(o.editor, 'reports', 'exportHtml', { id });
    expect(exported.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(exported.html).toContain('<title>扎毛乡人民政府2025年政府信息公开工作年度报告</title>');
    expect(exported.html).toContain('本年度未收取信息处理费。');
    expect(exported.fileName).toBe('扎毛乡人民政府2025年政府信息公开工作年度报告.html');
    expect(await b.call(o.editor, 'reports', 'exportHtml', { id: 'nope' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await b.call('oCitizen', 'reports', 'exportHtml', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
