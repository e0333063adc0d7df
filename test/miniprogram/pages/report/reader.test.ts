/** The report reader, given a published report by a fake transport. */
import {
  classesOf,
  find,
  flush,
  mockNetworkEdge,
  openPage,
  tap,
  tapButton,
  textOf,
  type RenderedPage,
} from '../../harness';
import { FORMAT_2021, NULL_MARK } from 'gongkai-core';
import { useFakeTransport } from '../../fake-transport';
import { formatLabels, NONZERO, NULL_CELL, publishedReport } from '../../fixtures';
import type { ReaderData } from '../../../../miniprogram/pages/report/reader/index';

const ROUTE = 'pages/report/reader/index';

function cellNode(page: RenderedPage<ReaderData>, address: string) {
  const index = FORMAT_2021.cells.findIndex((c) => c.address === address);
  return find(page, `#cell-${index}`);
}

describe('report reader', () => {
  let page: RenderedPage<ReaderData>;
  let screen: string;

  beforeAll(async () => {
    useFakeTransport(({ event }) => {
      const id = (event.payload as { id: string }).id;
      return id === 'report-zhamao-2023'
        ? { ok: true, data: publishedReport(id) }
        : { ok: false, code: 'NOT_FOUND', message: '未找到' };
    });
    page = openPage<ReaderData>(ROUTE, { id: 'report-zhamao-2023' });
    await flush();
    screen = textOf(page);
  });

  it('shows the title and the six sections with their official titles', () => {
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#title')).toBe('扎毛乡2023年政府信息公开工作年度报告');
    for (const def of FORMAT_2021.sections) {
      expect(textOf(page, `#section-${def.key}`)).toContain(`${def.no}、${def.title}`);
    }
  });

  it('shows the narrative, numbers included, with its sub-headings set apart and nothing twice', () => {
    const overview = textOf(page, '#section-overview');
    expect(overview).toContain('全年主动公开政府信息 264 条。');
    expect(overview.split('264').length).toBe(2);
    const subheadings = page.querySelectorAll('#section-overview .sub').map((n) => n.dom?.textContent);
    expect(subheadings).toEqual(['（一）及时主动公开', '（二）依申请公开情况']);
    expect(textOf(page, '#section-problems')).toContain('二是更新还不够及时。');
  });

  it('prints every row, column and group label of the three tables', () => {
    const missing = formatLabels().filter((label) => !screen.includes(label));
    expect(missing).toEqual([]);
    expect(screen).toContain('本年废止件数');
    expect(screen).toContain('5.要求行政机关确认或重新出具已获取信息');
  });

  it('draws table 二 as its four group blocks', () => {
    const blocks = page.querySelectorAll('#table-proactive .grid');
    expect(blocks).toHaveLength(4);
    FORMAT_2021.proactive.groups.forEach((group, i) => {
      expect(blocks[i]?.dom?.textContent).toMatch(new RegExp(`^${group.label.replace(/[()（）]/g, '.')}信息内容`));
    });
  });

  it('draws table 三 as one card per row: label across, each number under its own column name', () => {
    const table = page.data.sections.find((s) => s.key === 'applications')?.table;
    expect(table?.cards).toBe(true);
    expect(table?.style).toBe('grid-template-columns:repeat(3, minmax(0, 1fr))');
    const blocks = table?.blocks ?? [];
    // The key names the groups the cards do not repeat.
    expect(blocks[0]?.k).toBe('key');
    expect(blocks[0]?.cells.map((c) => c.t)).toEqual(
      expect.arrayContaining(['申请人情况', '法人或其他组织：商业企业、科研机构、社会公益组织、法律服务机构、其他']),
    );
    const total = FORMAT_2021.cells.findIndex((c) => c.address === 'applications.newReceived.total');
    const card = blocks.find((b) => b.cells.some((c) => c.i === total));
    expect(card?.k).toBe('card');
    expect(card?.cells[0]).toEqual({
      t: '一、本年新收政府信息公开申请数量',
      k: 'lab title in0',
      s: 'grid-area:1/1/span 1/span 3',
    });
    const names = card?.cells.filter((c) => c.k === 'hd').map((c) => c.t);
    expect(names).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    // 总计 opens the third line: its name right above it.
    expect(card?.cells.find((c) => c.t === '总计')?.s).toBe('grid-area:6/1');
    expect(card?.cells.find((c) => c.i === total)?.s).toBe('grid-area:7/1');
    expect(blocks.filter((b) => b.k === 'heading').map((b) => b.cells[0]?.t)).toContain('（三）不予公开');
    expect(classesOf(find(page, '#table-applications'))).toContain('table--cards');
  });

  it('keeps zeros quiet, makes non-zero cells stand out and marks null cells', () => {
    for (const address of Object.keys(NONZERO)) {
      expect({ address, classes: classesOf(cellNode(page, address)) }).toEqual({
        address,
        classes: expect.arrayContaining(['val', 'nz']),
      });
    }
    expect(classesOf(cellNode(page, 'applications.carriedOver.natural'))).toEqual(expect.arrayContaining(['val', 'z']));
    expect(
      textOf(page, `#cell-${FORMAT_2021.cells.findIndex((c) => c.address === 'applications.carriedOver.natural')}`),
    ).toBe('0');
    const nullCell = cellNode(page, NULL_CELL);
    expect(classesOf(nullCell)).toEqual(expect.arrayContaining(['val', 'nul']));
    expect(nullCell.dom?.textContent).toBe(NULL_MARK);
    expect(textOf(page, '#table-proactive')).toContain(`注：“${NULL_MARK}”表示该项数据缺失。`);
    expect(textOf(page, '#table-applications')).not.toContain('数据缺失');
    const values = page.querySelectorAll('.val');
    expect(values).toHaveLength(FORMAT_2021.cells.length);
    expect(values.filter((v) => classesOf(v).includes('nz'))).toHaveLength(Object.keys(NONZERO).length);
  });

  it('jumps to a section from the jump bar', async () => {
    const scroll = jest.spyOn(wx, 'pageScrollTo');
    await tap(page, '#jump-applications');
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '#section-applications' }));
    expect(page.data.active).toBe('applications');
    expect(classesOf(find(page, '#jump-applications'))).toContain('jump__item--on');
    expect(find(page, '#section-applications').dom).toBeDefined();
  });

  it('explains a tapped number with its row and column labels', async () => {
    const modal = jest.spyOn(wx, 'showModal');
    const index = FORMAT_2021.cells.findIndex((c) => c.address === 'applications.unavailableNotHeld.natural');
    await tap(page, `#cell-${index}`);
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '数值：1',
        content: '三、本年度办理结果 · （四）无法提供 · 1.本机关不掌握相关政府信息\n申请人情况 · 自然人',
      }),
    );
  });

  it('keeps setData small: display data only, no raw report', () => {
    const payload = JSON.stringify(page.data);
    expect(payload.length).toBeLessThan(64 * 1024);
    expect(payload).not.toMatch(/"(report|formatVersion|overviewParts|narrative|findings)"/);
    expect(payload).not.toContain('applications.newReceived');
  });

  it('shares the report by id, to chats and to Moments', () => {
    const share = page.instance.onShareAppMessage?.call(page.instance, {});
    expect(share).toEqual({
      title: '扎毛乡2023年政府信息公开工作年度报告',
      path: '/pages/report/reader/index?id=report-zhamao-2023',
    });
    expect(page.instance.onShareTimeline?.call(page.instance)).toEqual({
      title: '扎毛乡2023年政府信息公开工作年度报告',
      query: 'id=report-zhamao-2023',
    });
  });

  it('says when the report does not exist, and offers the list instead of a retry', async () => {
    const missing = openPage<ReaderData>(ROUTE, { id: 'nope' });
    await flush();
    expect(missing.data.state).toBe('error');
    expect(textOf(missing, '#error')).toContain('未找到这份报告');
    const switchTab = jest.spyOn(wx, 'switchTab');
    await tapButton(missing, '#to-list');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/report/list/index' }));
  });

  it('retries after a network failure', async () => {
    const edge = mockNetworkEdge();
    const fake = useFakeTransport(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    const failed = openPage<ReaderData>(ROUTE, { id: 'report-zhamao-2023' });
    await flush();
    expect(textOf(failed, '#error')).toContain('网络连接失败');
    fake.answer(() => ({ ok: true, data: publishedReport() }));
    await tapButton(failed, '#retry');
    expect(failed.data.state).toBe('ready');
    expect(fake.calls).toHaveLength(2);
    expect(edge.request).not.toHaveBeenCalled();
  });

  it('lists the versions with why each corrected the one before; an undated import says so', async () => {
    // One version: nothing was corrected, no list.
    expect(page.querySelector('#versions')).toBeUndefined();
    const corrected = {
      ...publishedReport('r-2'),
      version: 2,
      publishedAt: '2024-02-01T08:00:00.000Z',
      versions: [
        { id: 'r-1', version: 1, publishedAt: '2024-01-20T02:00:00.000Z', reason: null },
        { id: 'r-2', version: 2, publishedAt: '2024-02-01T08:00:00.000Z', reason: '表三第二行数字有误' },
      ],
    };
    useFakeTransport(() => ({ ok: true, data: corrected }));
    const read = openPage<ReaderData>(ROUTE, { id: 'r-2' });
    await flush();
    expect(textOf(read, '#versions')).toBe(
      '更正记录第 1 版（2024年1月20日发布）第 2 版（2024年2月1日发布） · 更正原因：表三第二行数字有误',
    );
    useFakeTransport(() => ({ ok: true, data: { ...publishedReport('r-3'), undated: true } }));
    const undated = openPage<ReaderData>(ROUTE, { id: 'r-3' });
    await flush();
    expect(undated.data.meta).toBe('发布日期未记录（2024年1月20日导入）');
  });

  it('asks for the list when the link has no id', () => {
    const bare = openPage<ReaderData>(ROUTE, {});
    expect(bare.data).toMatchObject({ state: 'error', canRetry: false });
    expect(textOf(bare, '#error')).toContain('缺少报告编号');
  });
});
