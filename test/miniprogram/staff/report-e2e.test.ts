/**
 * The annual report end to end through the REAL functions and local server (the backend in a child process:
 * report-e2e-server.cjs) on the demo organ of `npm start`: the editor builds its latest year with records (last year) in the builder page, writes the
 * narrative and submits it; the reviewer approves on the page and cannot take the leader's step (the page shows
 * the server's reason); the leader approves and it is published; a citizen's reader page shows it.
 */
import path from 'node:path';
import { FORMAT_2021 } from 'gongkai-core';
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { useE2eBackend, waitFor } from '../e2e-server';
import type { ReportBuilderData } from '../../../miniprogram/staff/pages/report/index';
import type { ReportCellData } from '../../../miniprogram/staff/pages/report-cell/index';
import type { ReaderData } from '../../../miniprogram/pages/report/reader/index';

jest.setTimeout(60_000);

type Person = 'editor' | 'reviewer' | 'leader' | 'citizen';
interface Info {
  url: string;
  year: number;
  logins: Record<Person, string>;
}

const backend = useE2eBackend<Info>(path.join(__dirname, 'report-e2e-server.cjs'));
const as = (person: Person): void => backend.as(person);

const cellOf = (address: string) => `#cell-${FORMAT_2021.cells.findIndex((c) => c.address === address)}`;

async function openBuilder(): Promise<RenderedPage<ReportBuilderData>> {
  const page = openPage<ReportBuilderData>('staff/pages/report/index');
  await waitFor('the builder', () => page.data.state !== 'loading');
  expect(page.data.state).toBe('ready');
  return page;
}

async function settle(page: RenderedPage<ReportBuilderData>, what: string): Promise<void> {
  await waitFor(what, () => page.data.state === 'ready' && !page.data.busy && page.data.notice !== '');
}

const SECTIONS: Record<string, string> = {
  overview: '本年度扎毛乡认真落实政府信息公开条例。工作考核、社会评议和责任追究结果情况：无。',
  problems: '一是基层人员业务能力不足。改进情况：组织了两次业务培训。',
  other: '本年度未收取信息处理费。',
};

describe('the annual report end to end, real functions and server', () => {
  let publishedId = '';

  it('the editor builds last year from the records, writes the narrative and submits it', async () => {
    as('editor');
    const page = await openBuilder();
    expect(page.data.year).toBe(backend.info.year);
    expect(textOf(page, '#state')).toBe('未开始');
    expect(textOf(page, cellOf('proactive.licensing.decisions'))).toBe('4');
    // The demo's 复议 case was filed last year and decided this year: 尚未审结 on 31 December.
    expect(textOf(page, cellOf('reviewLitigation.review.pending'))).toBe('1');
    // Its paper request was received three days before the seeding (this year): nothing carried forward last year.
    expect(textOf(page, cellOf('applications.carriedForward.natural'))).toBe('0');
    for (const [key, text] of Object.entries(SECTIONS))
      find(page, `#text-${key}`).dispatchEvent('input', { detail: { value: text } });
    await flush();
    await tapButton(page, '#save');
    await settle(page, 'the save');
    expect(textOf(page, '#notice')).toBe('已保存');
    expect(textOf(page, '#state')).toBe('草稿');
    expect(page.data.errorCount).toBe(0);
    await tapButton(page, '#submit');
    await settle(page, 'the submission');
    expect(textOf(page, '#notice')).toBe('已提交审批，等待分管领导审核');
    expect(textOf(page, '#state')).toBe('分管领导审核中');
  });

  it('the editor opens the records behind a number', async () => {
    as('editor');
    const page = openPage<ReportCellData>('staff/pages/report-cell/index', {
      year: String(backend.info.year),
      cell: 'proactive.licensing.decisions',
    });
    await waitFor('the records', () => page.data.state !== 'loading');
    expect(textOf(page, '#value')).toBe('4');
    expect(textOf(page, '#kind-statEntry')).toMatch(new RegExp(`${backend.info.year}-\\d\\d-\\d\\d · 4 件`));
  });

  it('the reviewer approves on the page, and cannot take the leader’s step', async () => {
    as('reviewer');
    const page = await openBuilder();
    expect(page.data.canApprove).toBe(true);
    expect(page.querySelector('#step-hint')).toBeUndefined();
    await tapButton(page, '#approve');
    await settle(page, 'the reviewer approval');
    expect(textOf(page, '#notice')).toBe('已审核通过，等待第一负责人审批');
    expect(textOf(page, '#state')).toBe('第一负责人审批中');

    expect(textOf(page, '#step-hint')).toBe('当前环节应由第一负责人办理（您是分管领导）');
    await tapButton(page, '#approve');
    await settle(page, 'the refusal');
    expect(textOf(page, '#notice')).toBe('此步须由第一负责人审批，分管领导不能越级发布');
    expect(textOf(page, '#state')).toBe('第一负责人审批中');
  });

  it('the leader approves and the report is published, with its share link', async () => {
    as('leader');
    const page = await openBuilder();
    await tapButton(page, '#approve');
    await settle(page, 'the leader approval');
    expect(textOf(page, '#notice')).toBe('已审批通过并发布');
    expect(textOf(page, '#state')).toBe('已发布（第 1 版）');
    publishedId = page.data.publishedId;
    expect(publishedId).not.toBe('');
    expect(textOf(page, '#reader-path')).toBe(`/pages/report/reader/index?id=${encodeURIComponent(publishedId)}`);
    expect(textOf(page, '#preview-url')).toBe(`http://127.0.0.1:8787/reports/${encodeURIComponent(publishedId)}`);
  });

  it('a citizen’s report reader shows it', async () => {
    as('citizen');
    const page = openPage<ReaderData>('pages/report/reader/index', { id: publishedId });
    await waitFor('the reader', () => page.data.state !== 'loading');
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#title')).toBe(`扎毛乡人民政府${backend.info.year}年政府信息公开工作年度报告`);
    expect(textOf(page, cellOf('proactive.licensing.decisions'))).toBe('4');
    expect(textOf(page, '#section-problems')).toContain('组织了两次业务培训');
    expect(textOf(page, '#section-other')).toContain('本年度未收取信息处理费。');
  });
});
