/**
 * 年度报告编制 with a fake transport: the year's state and due date, the tables, the findings (a tap scrolls to
 * its cell and marks it), the warning when 五 repeats last year's text (the content check's own finding), saving
 * with the version read (CONFLICT tells and reloads), the approval buttons, and the share/export once published.
 */
import { FORMAT_2021, type Finding, type ReportData } from 'gongkai-core';
import { checkReport } from '../../../shared/checks';
import { classesOf, find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { reportData } from '../fixtures';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { ReportBuilderData } from '../../../miniprogram/staff/pages/report/index';

const ROUTE = 'staff/pages/report/index';
const LAST_YEAR_PROBLEMS = '一是公开内容还不够全面。\n二是更新还不够及时。';

const index = (address: string) => FORMAT_2021.cells.findIndex((c) => c.address === address);

/** This year's report: 五 copied from last year's, and table 三's 总计 one short of its parts (an error). */
function thisYearsReport(problems = LAST_YEAR_PROBLEMS): ReportData {
  const base = reportData();
  return {
    ...base,
    year: 2025,
    sections: { ...base.sections, problems },
    cells: { ...base.cells, 'applications.newReceived.total': 1 },
  };
}

function lastYearsReport(): ReportData {
  return { ...reportData(), year: 2024 };
}

function built(report: ReportData, extra: Record<string, unknown> = {}): Handler {
  // The findings are the real checks' (shared/checks), as the server computes them.
  const findings: Finding[] = checkReport(report, { lastYear: lastYearsReport() });
  return () => ({
    ok: true,
    data: {
      report,
      sources: {},
      findings,
      lastYearSections: lastYearsReport().sections,
      status: 'draft',
      step: null,
      chain: ['reviewer', 'leader'],
      version: 3,
      ...extra,
    },
  });
}

function status(extra: Record<string, unknown> = {}): Handler {
  return () => ({
    ok: true,
    data: {
      year: 2025,
      status: 'draft',
      step: null,
      stepLabel: '草稿',
      dueDate: '2026-01-31',
      daysLeft: 12,
      publishedId: null,
      ...extra,
    },
  });
}

async function open(): Promise<RenderedPage<ReportBuilderData>> {
  const page = openPage<ReportBuilderData>(ROUTE);
  await flush();
  return page;
}

function thisYear(): number {
  return new Date().getFullYear();
}

describe('report builder', () => {
  beforeEach(() => useMemoryStorage());

  it('builds last year by default and shows its state, due date, tables and findings by level', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.build': built(thisYearsReport()),
      'reports.status': status(),
    });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(fake.payloads('reports.build')).toEqual([{ year: thisYear() - 1 }]);
    expect(fake.payloads('reports.status')).toEqual([{ year: thisYear() - 1 }]);
    expect(textOf(page, '#state')).toBe('草稿');
    expect(textOf(page, '#due')).toBe('报送截止 2026-01-31（还剩 12 天）');
    expect(textOf(page, '#section-applications')).toContain('三、收到和处理政府信息公开申请情况');
    expect(page.querySelectorAll('.val')).toHaveLength(FORMAT_2021.cells.length);
    expect(textOf(page, '#findings-error')).toContain('错误（须更正后才能通过审批）');
    expect(textOf(page, '#findings-warning')).toContain('提醒');
    // An error blocks the submission.
    expect(find(page, '#submit').data.disabled).toBe(true);
  });

  it('jumps from a finding to its cell: scrolls there and marks it', async () => {
    routeTransport({ 'organ.me': me('editor'), 'reports.build': built(thisYearsReport()), 'reports.status': status() });
    const page = await open();
    // The sum check's finding about table 三's 总计 (the other error is the missing fee cell of table 二).
    const errors = page.data.groups.find((g) => g.level === 'error')?.items ?? [];
    const sum = errors.find((f) => FORMAT_2021.cells[f.cell]?.table === 'applications');
    const cell = sum?.cell ?? -1;
    expect(cell).toBeGreaterThanOrEqual(0);
    expect(classesOf(find(page, `#cell-${cell}`))).not.toContain('mark');
    const scroll = jest.spyOn(wx, 'pageScrollTo');
    await tap(page, `#finding-error-${sum?.n ?? -1}`);
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: `#cell-${cell}` }));
    expect(classesOf(find(page, `#cell-${cell}`))).toContain('mark');
    expect(page.querySelectorAll('.mark')).toHaveLength(1);
  });

  it('jumps from a finding on the text (一、总体情况 没有内容) to that section’s editor below the tables', async () => {
    const empty = { ...thisYearsReport(), sections: { ...thisYearsReport().sections, overview: '' } };
    routeTransport({ 'organ.me': me('editor'), 'reports.build': built(empty), 'reports.status': status() });
    const page = await open();
    const all = page.data.groups.flatMap((g) => g.items.map((f) => ({ ...f, level: g.level })));
    const missing = all.find((f) => f.t.includes('一、总体情况') && f.t.includes('没有内容'));
    expect(missing).toMatchObject({ cell: -1, to: 'editor-overview', where: '一、总体情况' });
    const scroll = jest.spyOn(wx, 'pageScrollTo');
    await tap(page, `#finding-${missing?.level}-${missing?.n ?? -1}`);
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '#editor-overview' }));
    expect(classesOf(find(page, `#finding-${missing?.level}-${missing?.n ?? -1}`))).toContain('finding--jump');
  });

  it('warns under 五 when it repeats last year’s text, with the check’s own message, and not otherwise', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.build': built(thisYearsReport()),
      'reports.status': status(),
    });
    const page = await open();
    expect(textOf(page, '#problems-repeat')).toBe(
      '“五、存在的主要问题及改进情况”与 2024 年报告的相似度为 1.00（提示阈值 0.9），疑为沿用往年文字，应写明本年的问题和上年以来的改进',
    );
    // Last year's text is shown under each editor.
    expect(textOf(page, '#editor-problems')).toContain('上年报告');
    expect(textOf(page, '#editor-problems')).toContain('二是更新还不够及时。');

    fake.route({ 'reports.build': built(thisYearsReport('一是基层人员业务能力不足。改进情况：组织了两次培训。')) });
    const fresh = await open();
    expect(fresh.data.state).toBe('ready');
    expect(fresh.querySelector('#problems-repeat')).toBeUndefined();
  });

  it('saves the narrative with the version it read, then shows the new findings', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.build': built(thisYearsReport()),
      'reports.status': status(),
      'reports.saveNarrative': () => ({ ok: true, data: { version: 4 } }),
    });
    const page = await open();
    find(page, '#text-problems').dispatchEvent('input', { detail: { value: '一是基层人员业务能力不足。' } });
    await flush();
    expect(page.data.dirty).toBe(true);
    fake.route({ 'reports.build': built(thisYearsReport('一是基层人员业务能力不足。'), { version: 4 }) });
    await tapButton(page, '#save');
    await flush();
    const sent = fake.payloads('reports.saveNarrative');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      year: thisYear() - 1,
      version: 3,
      sections: { problems: '一是基层人员业务能力不足。', other: '本年度未收取信息处理费。' },
    });
    expect(textOf(page, '#notice')).toBe('已保存');
    expect(page.querySelector('#problems-repeat')).toBeUndefined();
    expect(page.data.dirty).toBe(false);
  });

  it('on CONFLICT says so and reloads the text someone else saved', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.build': built(thisYearsReport()),
      'reports.status': status(),
      'reports.saveNarrative': () => ({
        ok: false,
        code: 'CONFLICT',
        message: '报告正文已被他人修改，您的修改未保存，请刷新后重新编辑',
      }),
    });
    const page = await open();
    find(page, '#text-other').dispatchEvent('input', { detail: { value: '我的修改' } });
    const theirs = {
      ...thisYearsReport(),
      sections: { ...thisYearsReport().sections, other: '他人保存的内容：本年度未收取信息处理费。' },
    };
    fake.route({ 'reports.build': built(theirs, { version: 5 }) });
    await tapButton(page, '#save');
    await flush();
    expect(fake.actions().filter((a) => a === 'reports.build')).toHaveLength(2);
    expect(textOf(page, '#notice')).toBe(
      '报告正文已被他人修改，您的修改未保存，请刷新后重新编辑（已重新载入最新内容）',
    );
    expect(page.data.editors.find((e) => e.key === 'other')?.text).toBe('他人保存的内容：本年度未收取信息处理费。');
    // The next save goes with the version just read.
    fake.route({ 'reports.saveNarrative': () => ({ ok: true, data: { version: 6 } }) });
    await tapButton(page, '#save');
    expect(fake.payloads('reports.saveNarrative')[1]).toMatchObject({ version: 5 });
  });

  it('opens the records behind a non-zero number; zeros open nothing', async () => {
    routeTransport({ 'organ.me': me('editor'), 'reports.build': built(thisYearsReport()), 'reports.status': status() });
    const page = await open();
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, `#cell-${index('applications.carriedOver.natural')}`);
    expect(navigate).not.toHaveBeenCalled();
    await tap(page, `#cell-${index('applications.newReceived.natural')}`);
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/staff/pages/report-cell/index?year=${thisYear() - 1}&cell=applications.newReceived.natural`,
      }),
    );
  });

  it('offers to import last year’s report only when the year before has none published', async () => {
    routeTransport({ 'organ.me': me('editor'), 'reports.build': built(thisYearsReport()), 'reports.status': status() });
    const withLast = await open();
    expect(withLast.querySelector('#import-last')).toBeUndefined();
    routeTransport({
      'organ.me': me('editor'),
      'reports.build': built(thisYearsReport(), { lastYearSections: null }),
      'reports.status': status(),
    });
    const page = await open();
    expect(textOf(page, '#import-last')).toBe('上年度报告尚未导入：导入后可核对结转数，并提醒五部分是否与上年重复 ›');
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#import-last');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/report-import/index' }));
  });

  it('lets no one but the editor write: the reviewer sees the text read-only', async () => {
    routeTransport({
      'organ.me': me('reviewer'),
      'reports.build': built(thisYearsReport()),
      'reports.status': status(),
    });
    const page = await open();
    expect(page.data.canEdit).toBe(false);
    expect(page.querySelector('#save')).toBeUndefined();
    expect(page.querySelector('#approve')).toBeUndefined();
  });

  it('shows the reviewer at the leader’s step why it is not theirs, and the server’s refusal', async () => {
    const fine = thisYearsReport('一是基层人员业务能力不足。');
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      'reports.build': built({ ...fine, cells: reportData().cells }, { status: 'inReview', step: 1 }),
      'reports.status': status({ status: 'inReview', step: 1, stepLabel: '第一负责人审批中' }),
      'reports.approve': () => ({
        ok: false,
        code: 'FORBIDDEN',
        message: '此步须由第一负责人审批，分管领导不能越级发布',
      }),
    });
    const page = await open();
    expect(textOf(page, '#state')).toBe('第一负责人审批中');
    expect(textOf(page, '#step-hint')).toBe('当前环节应由第一负责人办理（您是分管领导）');
    await tapButton(page, '#approve');
    await flush();
    expect(fake.payloads('reports.approve')).toEqual([{ year: thisYear() - 1 }]);
    expect(textOf(page, '#notice')).toBe('此步须由第一负责人审批，分管领导不能越级发布');
    expect(page.data.state).toBe('ready');
  });

  it('lets the approver at their step send it back only with a reason', async () => {
    const fine = { ...thisYearsReport('一是基层人员业务能力不足。'), cells: reportData().cells };
    const fake = routeTransport({
      'organ.me': me('leader'),
      'reports.build': built(fine, { status: 'inReview', step: 1 }),
      'reports.status': status({ status: 'inReview', step: 1, stepLabel: '第一负责人审批中' }),
      'reports.reject': () => ({ ok: true, data: { status: 'draft', step: null } }),
    });
    const page = await open();
    expect(page.querySelector('#step-hint')).toBeUndefined();
    await tapButton(page, '#reject');
    expect(fake.actions()).not.toContain('reports.reject');
    expect(textOf(page, '#notice')).toBe('请写明退回理由');
    find(page, '#reject-reason').dispatchEvent('input', { detail: { value: '表三数字请再核对' } });
    fake.route({ 'reports.build': built(fine), 'reports.status': status() });
    await tapButton(page, '#reject');
    await flush();
    expect(fake.payloads('reports.reject')).toEqual([{ year: thisYear() - 1, comment: '表三数字请再核对' }]);
    expect(textOf(page, '#notice')).toBe('已退回发起人修改');
    expect(textOf(page, '#state')).toBe('草稿');
  });

  it('once published offers the reader link, the web preview and the HTML export', async () => {
    const fake = routeTransport({
      'organ.me': me('leader'),
      'reports.build': built(
        { ...thisYearsReport('一是基层人员业务能力不足。'), cells: reportData().cells },
        { status: 'published' },
      ),
      'reports.status': status({
        status: 'published',
        stepLabel: '已发布',
        publishedId: 'org-1-2025-v1',
        daysLeft: -3,
      }),
      'reports.exportHtml': () => ({
        ok: true,
        data: { html: '<!DOCTYPE html><title>报告</title>', fileName: '报告.html' },
      }),
    });
    const page = await open();
    expect(textOf(page, '#reader-path')).toBe('/pages/report/reader/index?id=org-1-2025-v1');
    expect(textOf(page, '#preview-url')).toBe('http://127.0.0.1:8787/reports/org-1-2025-v1');
    // Published: no countdown.
    expect(textOf(page, '#due')).toBe('报送截止 2026-01-31');
    const clip = jest.spyOn(wx, 'setClipboardData');
    await tapButton(page, '#copy-html');
    await flush();
    expect(fake.payloads('reports.exportHtml')).toEqual([{ id: 'org-1-2025-v1' }]);
    expect(clip).toHaveBeenCalledWith(expect.objectContaining({ data: '<!DOCTYPE html><title>报告</title>' }));
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tapButton(page, '#preview');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/staff/pages/report-preview/index?id=org-1-2025-v1' }),
    );
  });

  it('导出 Word: the function stores the .docx and links it; the page downloads it and opens it with its menu', async () => {
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      'reports.build': built({ ...thisYearsReport(), cells: reportData().cells }, { status: 'published' }),
      'reports.status': status({ status: 'published', stepLabel: '已发布', publishedId: 'org-1-2025-v1' }),
      'reports.exportDocx': () => ({
        ok: true,
        data: {
          fileID: 'local://0123456789abcdef0123456789abcdef',
          url: 'http://127.0.0.1:8787/files/0123456789abcdef0123456789abcdef',
          fileName: '扎毛乡2025年政府信息公开工作年度报告（第1版）.docx',
        },
      }),
    });
    type Download = {
      url: string;
      success: (r: { statusCode: number; tempFilePath: string }) => void;
      fail: () => void;
    };
    const downloadFile = jest.fn((o: Download) => o.success({ statusCode: 200, tempFilePath: '/tmp/report.docx' }));
    const openDocument = jest.fn((o: { success: () => void }) => o.success());
    Object.assign(wx, { downloadFile, openDocument });
    const page = await open();
    // Not the editor: no 更正 offered.
    expect(page.querySelector('#correct')).toBeUndefined();
    await tapButton(page, '#export-word');
    await flush();
    expect(fake.payloads('reports.exportDocx')).toEqual([{ id: 'org-1-2025-v1' }]);
    expect(downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://127.0.0.1:8787/files/0123456789abcdef0123456789abcdef' }),
    );
    expect(openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: '/tmp/report.docx', fileType: 'docx', showMenu: true }),
    );
    expect(page.data.busy).toBe(false);
    // A failed download says so in Chinese.
    downloadFile.mockImplementation((o: Download) => o.fail());
    await tapButton(page, '#export-word');
    await flush();
    expect(textOf(page, '#notice')).toBe('附件下载失败，请检查网络后重试');
  });

  it('更正: the editor reopens the published report with a reason; without one the field’s own words', async () => {
    let state = 'published';
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.build': (p, c) => built({ ...thisYearsReport(), cells: reportData().cells }, { status: state })(p, c),
      'reports.status': (p, c) =>
        status({ status: state, stepLabel: state === 'published' ? '已发布' : '草稿', publishedId: 'org-1-2025-v1' })(
          p,
          c,
        ),
      'reports.correct': () => {
        state = 'draft';
        return { ok: true, data: { status: 'draft', step: null } };
      },
    });
    const page = await open();
    expect(page.data.canEdit).toBe(false);
    await tapButton(page, '#correct');
    expect(textOf(page, '#notice')).toBe('请写明更正原因');
    expect(fake.actions()).not.toContain('reports.correct');
    find(page, '#correct-reason').dispatchEvent('input', { detail: { value: '表三第二行数字有误' } });
    await flush();
    await tapButton(page, '#correct');
    await flush();
    expect(fake.payloads('reports.correct')).toEqual([{ year: 2025, reason: '表三第二行数字有误' }]);
    expect(textOf(page, '#notice')).toContain('已打开为草稿');
    // A draft again: the editor writes; the published version is still shared meanwhile.
    expect(page.data.canEdit).toBe(true);
    expect(page.querySelector('#correct')).toBeUndefined();
    expect(textOf(page, '#reader-path')).toBe('/pages/report/reader/index?id=org-1-2025-v1');
  });

  it('says when the report cannot be built, and retries', async () => {
    const fake = routeTransport({ 'organ.me': me('editor'), 'reports.status': status() });
    const page = await open();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fake.route({ 'reports.build': built(thisYearsReport()) });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
