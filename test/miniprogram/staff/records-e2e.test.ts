/**
 * End to end through the REAL functions and local server (the child backend of e2e.test.ts, e2e-server.cjs): an
 * editor enters this month's statistics on 统计填报, registers a 规范性文件 on 规章和规范性文件登记, and registers and
 * closes 复议/诉讼 cases on 复议诉讼登记; reports.build of this year then has exactly those numbers in table 二 and 四.
 */
import path from 'node:path';
import { find, flush, openPage, tap, tapButton, type RenderedPage } from '../harness';
import { realRequest, startE2eServer, waitFor, type RunningE2eServer } from '../e2e-server';
import { useMemoryStorage } from './helpers';
import { devTransport, setTransport } from '../../../miniprogram/api/index';
import type { StatsData } from '../../../miniprogram/staff/pages/stats/index';
import type { DocsData } from '../../../miniprogram/staff/pages/docs/index';
import type { CasesData } from '../../../miniprogram/staff/pages/cases/index';

jest.setTimeout(60_000);

type Info = { url: string; logins: Record<'editor' | 'reviewer' | 'leader' | 'citizen', string> };

let server: RunningE2eServer<Info> | null = null;
let transport: ReturnType<typeof devTransport> | null = null;
const year = new Date().getFullYear();

beforeAll(async () => {
  server = await startE2eServer<Info>(path.join(__dirname, 'e2e-server.cjs'));
  const { url, logins } = server.info;
  Object.assign(wx, { request: jest.fn(realRequest) });
  transport = devTransport({ server: url, login: () => logins.editor });
  setTransport(transport);
  useMemoryStorage();
});

afterAll(() => {
  server?.stop();
});

function type(page: RenderedPage<object>, selector: string, value: string): void {
  find(page, selector).dispatchEvent('input', { detail: { value } });
}

describe('statistics and cases end to end, real functions and server', () => {
  it('an editor enters this month’s statistics on 统计填报', async () => {
    const page = openPage<StatsData>('staff/pages/stats/index');
    await waitFor('the statistics page', () => page.data.state === 'ready');
    type(page, '#input-licensing', '3');
    type(page, '#input-punishment', '2');
    type(page, '#input-enforcement', '1');
    type(page, '#input-fees', '0.5');
    await flush();
    await tapButton(page, '#save');
    await waitFor('the save', () => page.data.noticeKind !== '' && !page.data.busy);
    expect(page.data.noticeKind).toBe('saved');
    expect(page.data.lines.map((l) => [l.key, l.month, l.year])).toEqual([
      ['licensing', '3', '3'],
      ['punishment', '2', '2'],
      ['enforcement', '1', '1'],
      ['fees', '0.5', '0.5'],
    ]);
  });

  it('registers a 规范性文件 issued this year', async () => {
    const page = openPage<DocsData>('staff/pages/docs/index');
    await waitFor('the register', () => page.data.state === 'ready');
    type(page, '#title', '扎毛乡草原防火管理办法');
    type(page, '#docNo', '扎政发〔2026〕9号');
    await flush();
    await tapButton(page, '#add');
    await waitFor('the registration', () => page.data.noticeKind !== '' && !page.data.busy);
    expect(page.data.view.issued.map((d) => d.title)).toEqual(['扎毛乡草原防火管理办法']);
    expect(page.data.view.cells.issued).toBe('1');
  });

  it('registers a 行政复议 case and closes it upheld, and registers an open 行政诉讼', async () => {
    const page = openPage<CasesData>('staff/pages/cases/index');
    await waitFor('the cases page', () => page.data.state === 'ready');
    for (const kind of ['review', 'directSuit']) {
      await tapButton(page, '#start-add');
      await tap(page, `#kind-${kind}`);
      await tapButton(page, '#add');
      await waitFor(`the ${kind} registration`, () => !page.data.adding && !page.data.busy);
    }
    const review = page.data.view.pending.find((c) => c.kindLabel === '行政复议');
    expect(review).toBeDefined();
    await tap(page, `#start-close-${review?.id ?? ''}`);
    await tap(page, '#close-result-upheld');
    await tapButton(page, '#close');
    await waitFor('the close', () => page.data.closing === null && !page.data.busy);
    expect(page.data.notice).toBe('已审结');
    expect(page.data.view.grid.map((g) => g.values)).toEqual([
      ['1', '0', '0', '0', '1'],
      ['0', '0', '0', '1', '1'],
      ['0', '0', '0', '0', '0'],
    ]);
  });

  it('reports.build of this year has those numbers in table 二 and table 四', async () => {
    const built = await transport?.('reports', { action: 'build', payload: { year } });
    expect(built?.ok).toBe(true);
    const cells = (
      built?.ok ? (built.data as { report: { cells: Record<string, number | null> } }).report.cells : {}
    ) as Record<string, number | null>;
    expect(cells).toMatchObject({
      'proactive.licensing.decisions': 3,
      'proactive.punishment.decisions': 2,
      'proactive.enforcement.decisions': 1,
      'proactive.fees.amountWanYuan': 0.5,
      'proactive.normativeDocs.issued': 1,
      'proactive.normativeDocs.repealed': 0,
      'proactive.normativeDocs.inForce': 1,
      'reviewLitigation.review.upheld': 1,
      'reviewLitigation.review.total': 1,
      'reviewLitigation.directSuit.pending': 1,
      'reviewLitigation.directSuit.total': 1,
      'reviewLitigation.suitAfterReview.total': 0,
    });
  });
});
