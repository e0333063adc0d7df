/**
 * 规章和规范性文件登记: documents issued and repealed one by one (title, 文号, date), the table 二 cells the report
 * will show (with last year's published 现行有效 carried on), the 现行有效 override with its reason, 规章 behind a
 * switch, removal after a confirm, reviewers reading only.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import { answerModal, recordStore } from './records-fakes';
import type { DocsData } from '../../../miniprogram/staff/pages/docs/index';

const ROUTE = 'staff/pages/docs/index';
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const year = now.getFullYear();
const today = `${year}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** The organ's published reports: last year's with 现行有效 `inForce`, or none. */
function published(inForce: number | null): Record<string, Handler> {
  const summary = {
    id: 'org-1-last',
    organId: 'org-1',
    organ: '扎毛乡人民政府',
    year: year - 1,
    publishedAt: '',
    version: 1,
  };
  return {
    'reports.listPublished': () => ({ ok: true, data: inForce === null ? [] : [summary] }),
    'reports.getPublished': () => ({
      ok: true,
      data: {
        ...summary,
        source: 'built',
        report: { year: year - 1, cells: { 'proactive.normativeDocs.inForce': inForce, 'proactive.rules.inForce': 0 } },
      },
    }),
  };
}

function type(page: RenderedPage<DocsData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

async function open(): Promise<RenderedPage<DocsData>> {
  const page = openPage<DocsData>(ROUTE);
  await flush();
  return page;
}

const issuedA = {
  id: 'a',
  kind: 'count',
  metric: 'normativeDocs.issued',
  date: `${year}-01-05`,
  count: 1,
  title: '扎毛乡村规民约管理办法',
  docNo: '扎政发〔2026〕1号',
};
const repealedB = {
  id: 'b',
  kind: 'count',
  metric: 'normativeDocs.repealed',
  date: `${year}-01-06`,
  count: 1,
  title: '旧的草场管理规定',
};

describe('规章和规范性文件登记', () => {
  beforeEach(() => useMemoryStorage());
  afterEach(() => jest.restoreAllMocks());

  it('lists the year’s documents and shows the cells with last year’s 现行有效 carried on; a new one counts at once', async () => {
    const store = recordStore([issuedA, repealedB, { ...issuedA, id: 'old', date: `${year - 1}-05-01` }]);
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers, ...published(10) });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#doc-a')).toContain('扎毛乡村规民约管理办法');
    expect(textOf(page, '#doc-a')).toContain('扎政发〔2026〕1号');
    expect(textOf(page, '#doc-b')).toContain('旧的草场管理规定');
    expect([textOf(page, '#cell-issued'), textOf(page, '#cell-repealed'), textOf(page, '#cell-inForce')]).toEqual([
      '1',
      '1',
      '10',
    ]);
    expect(textOf(page, '#inForce-note')).toContain('上年现行有效 10 + 本年制发 1 − 本年废止 1');
    expect(fake.payloads('reports.listPublished')).toEqual([{ organId: 'org-1' }]);
    // 规章 are behind the switch.
    expect(page.querySelector('#rows')).toBeUndefined();

    type(page, 'title', '  扎毛乡护林防火办法 ');
    type(page, 'docNo', '扎政发〔2026〕5号');
    await flush();
    expect(page.data.form.date).toBe(today);
    await tapButton(page, '#add');
    expect(fake.payloads('stats.create')).toEqual([
      {
        entry: {
          kind: 'count',
          metric: 'normativeDocs.issued',
          date: today,
          count: 1,
          title: '扎毛乡护林防火办法',
          docNo: '扎政发〔2026〕5号',
        },
      },
    ]);
    expect(typeof fake.calls.find((c) => c.event.action === 'create')?.event.idempotencyKey).toBe('string');
    expect([textOf(page, '#cell-issued'), textOf(page, '#cell-inForce')]).toEqual(['2', '11']);
    expect(page.data.form.title).toBe('');
    expect(textOf(page, '#notice')).toBe('已登记');
  });

  it('registers a repeal, and refuses a document without a title or date', async () => {
    const store = recordStore();
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers, ...published(3) });
    const page = await open();
    await tap(page, '#action-repealed');
    find(page, '#date').dispatchEvent('change', { detail: { value: '' } });
    await flush();
    await tapButton(page, '#add');
    expect(textOf(page, '#error-title')).toBe('请填写文件名称');
    expect(textOf(page, '#error-date')).toBe('请选择日期');
    expect(fake.actions()).not.toContain('stats.create');

    type(page, 'title', '扎毛乡旧规定');
    find(page, '#date').dispatchEvent('change', { detail: { value: `${year}-01-02` } });
    await flush();
    await tapButton(page, '#add');
    expect(fake.payloads('stats.create')).toEqual([
      {
        entry: {
          kind: 'count',
          metric: 'normativeDocs.repealed',
          date: `${year}-01-02`,
          count: 1,
          title: '扎毛乡旧规定',
        },
      },
    ]);
    expect([textOf(page, '#cell-repealed'), textOf(page, '#cell-inForce')]).toEqual(['1', '2']);
  });

  it('without last year’s report shows no computed 现行有效; an override with its reason sets it, and goes after a confirm', async () => {
    const store = recordStore([issuedA]);
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers, ...published(null) });
    const page = await open();
    expect(textOf(page, '#cell-inForce')).toBe('—');
    expect(textOf(page, '#inForce-note')).toContain('上年年度报告未在本系统发布');

    type(page, 'override-value', '7');
    type(page, 'override-reason', '1');
    await flush();
    await tapButton(page, '#save-override');
    expect(textOf(page, '#error-reason')).toContain('请说明原因');
    type(page, 'override-reason', '2 件到期自然失效');
    await flush();
    await tapButton(page, '#save-override');
    expect(fake.payloads('stats.create')).toEqual([
      {
        entry: { kind: 'inForceOverride', metric: 'normativeDocs.inForce', year, value: 7, reason: '2 件到期自然失效' },
      },
    ]);
    expect(textOf(page, '#cell-inForce')).toBe('7');
    expect(textOf(page, '#inForce-note')).toContain('核定数，原因：2 件到期自然失效');
    expect(textOf(page, '#override-line')).toContain('核定为 7 件');
    expect(page.querySelector('#save-override')).toBeUndefined();

    const id = store.stats.find((e) => e.kind === 'inForceOverride')?.id ?? '';
    answerModal(true);
    await tap(page, `#remove-${id}`);
    expect(fake.payloads('stats.remove')).toEqual([{ id }]);
    expect(textOf(page, '#cell-inForce')).toBe('—');
  });

  it('shows 规章 behind the switch, remembers it, and registers them under their own row', async () => {
    const store = recordStore();
    const fake = routeTransport({ 'organ.me': me('admin'), ...store.handlers, ...published(3) });
    const page = await open();
    find(page, '#rules-toggle').dispatchEvent('change', { detail: { value: true } });
    await flush();
    await tap(page, '#row-rules');
    expect(textOf(page, '#cells')).toContain('规章');
    expect(textOf(page, '#cell-inForce')).toBe('0');
    type(page, 'title', '某规章');
    await flush();
    await tapButton(page, '#add');
    expect(fake.payloads('stats.create')).toEqual([
      { entry: { kind: 'count', metric: 'rules.issued', date: today, count: 1, title: '某规章' } },
    ]);
    expect(wx.getStorageSync('gongkai.staff.docs.rules')).toBe(true);
  });

  it('never hides a year’s 规章 entries behind the switch', async () => {
    routeTransport({
      'organ.me': me('editor'),
      ...recordStore([{ id: 'r', kind: 'count', metric: 'rules.repealed', date: `${year}-02-01`, count: 2 }]).handlers,
      ...published(null),
    });
    const page = await open();
    expect(page.data.showRules).toBe(true);
    await tap(page, '#row-rules');
    expect(textOf(page, '#doc-r')).toContain('（未登记名称）（2 件）');
    expect(textOf(page, '#cell-repealed')).toBe('2');
  });

  it('reads another year on the year picker; a reviewer reads only', async () => {
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      ...recordStore([{ ...issuedA, date: `${year - 1}-03-01` }]).handlers,
      ...published(null),
    });
    const page = await open();
    expect(page.querySelector('#form')).toBeUndefined();
    expect(page.querySelector('#save-override')).toBeUndefined();
    expect(textOf(page, '#issued-empty')).toContain('本年还没有登记');
    find(page, '#year').dispatchEvent('change', { detail: { value: 1 } });
    await flush();
    expect(fake.payloads('stats.list')).toEqual([{ year }, { year: year - 1 }]);
    expect(textOf(page, '#doc-a')).toContain('扎毛乡村规民约管理办法');
    expect(page.querySelector('#remove-a')).toBeUndefined();
  });

  it('still opens when last year’s report cannot be read, and says so', async () => {
    routeTransport({ 'organ.me': me('editor'), ...recordStore([issuedA]).handlers });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#cell-issued')).toBe('1');
    expect(textOf(page, '#cell-inForce')).toBe('—');
    expect(textOf(page, '#inForce-note')).toContain('上年年度报告暂时读取失败');
  });

  it('shows a failed load with a retry', async () => {
    const fake = routeTransport({ 'organ.me': me('editor'), ...published(null) });
    const page = await open();
    expect(page.data.state).toBe('error');
    fake.route(recordStore().handlers);
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
