/** Item detail: the metadata block, body, attachments (preview / download + open), states and share. */
import { flush, openPage, tap, tapButton, textOf } from '../../harness';
import { deferred, useFakeTransport } from '../../fake-transport';
import type { DetailData } from '../../../../miniprogram/pages/item/detail/index';
import type { DisclosureItem, Result } from 'gongkai-core';

const ROUTE = 'pages/item/detail/index';

function item(extra: Partial<DisclosureItem> = {}): DisclosureItem {
  return {
    id: 'it-1',
    title: '扎毛乡农村低保对象认定办法',
    docNo: '扎政发〔2026〕3号',
    publisher: '扎毛乡人民政府',
    writtenDate: '2026-03-01',
    publishedDate: '2026-03-05',
    category: 'regulation',
    disclosureMode: '主动公开',
    scope: '面向社会',
    validity: 'inForce',
    body: '第一条 为规范低保认定，制定本办法。\n\n第二条 本办法自发布之日起施行。',
    attachments: [
      { fileId: 'cloud://env/a.jpg', name: '公示照片.jpg', kind: 'image' },
      { fileId: 'f-2', name: '认定办法.pdf', kind: 'file', size: 204800 },
    ],
    status: 'published',
    indexNo: '11632323MB1234567X/2026-00003',
    version: 1,
    ...extra,
  } as DisclosureItem;
}

describe('item detail', () => {
  it('names the bar after a short title, and leaves a long one to the page instead of cutting it', async () => {
    const setTitle = jest.spyOn(wx, 'setNavigationBarTitle');
    useFakeTransport(() => ({ ok: true, data: item({ title: '低保认定办法' }) }));
    openPage<DetailData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(setTitle).toHaveBeenLastCalledWith(expect.objectContaining({ title: '低保认定办法' }));
    setTitle.mockClear();
    useFakeTransport(() => ({ ok: true, data: item() }));
    const page = openPage<DetailData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(setTitle).not.toHaveBeenCalled();
    expect(textOf(page)).toContain('扎毛乡农村低保对象认定办法');
  });

  it('loads the item by id and shows the metadata block and the body', async () => {
    const pending = deferred<Result<DisclosureItem>>();
    const fake = useFakeTransport(() => pending.promise);
    const page = openPage<DetailData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(page.data.state).toBe('loading');
    expect(fake.calls).toEqual([{ name: 'items', event: { action: 'get', payload: { id: 'it-1' } } }]);
    pending.resolve({ ok: true, data: item() });
    await flush();
    expect(textOf(page, '#title')).toBe('扎毛乡农村低保对象认定办法');
    const meta = (key: string) => textOf(page, `#meta-${key}`);
    expect(meta('indexNo')).toBe('索引号11632323MB1234567X/2026-00003');
    expect(meta('docNo')).toBe('文号扎政发〔2026〕3号');
    expect(meta('publisher')).toBe('发布机构扎毛乡人民政府');
    expect(meta('writtenDate')).toBe('成文日期2026年3月1日');
    expect(meta('publishedDate')).toBe('发布日期2026年3月5日');
    expect(meta('validity')).toBe('有效性有效');
    expect(page.data.view?.paragraphs).toEqual([
      '第一条 为规范低保认定，制定本办法。',
      '第二条 本办法自发布之日起施行。',
    ]);
    expect(textOf(page, '#body')).toContain('本办法自发布之日起施行');
    expect(textOf(page, '#attachment-1')).toContain('文件：认定办法.pdf');
    expect(textOf(page, '#attachment-1')).toContain('200 KB');
  });

  it('shows “—” for what an item does not have', async () => {
    useFakeTransport(() => ({ ok: true, data: item({ docNo: undefined, validity: null, attachments: [], body: '' }) }));
    const page = openPage<DetailData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(textOf(page, '#meta-docNo')).toBe('文号—');
    expect(textOf(page, '#meta-validity')).toBe('有效性—');
    expect(page.querySelector('#attachments')).toBeUndefined();
    expect(textOf(page, '#body')).toContain('正文见附件');
  });

  it('previews images and downloads and opens documents', async () => {
    useFakeTransport(() => ({ ok: true, data: item() }));
    const preview = jest.fn();
    const downloadFile = jest.fn(
      (o: { url: string; success: (r: { statusCode: number; tempFilePath: string }) => void }) =>
        o.success({ statusCode: 200, tempFilePath: '/tmp/x.pdf' }),
    );
    const openDocument = jest.fn((o: { success: () => void }) => o.success());
    Object.assign(wx, { previewImage: preview, downloadFile, openDocument });
    const page = openPage<DetailData>(ROUTE, { id: 'it-1' });
    await flush();
    await tap(page, '#attachment-0');
    expect(preview).toHaveBeenCalledWith({ current: 'cloud://env/a.jpg', urls: ['cloud://env/a.jpg'] });
    await tap(page, '#attachment-1');
    expect(downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:8787/files/f-2' }));
    expect(openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: '/tmp/x.pdf', fileType: 'pdf', showMenu: true }),
    );
  });

  it('shows the error with a retry, and is shared with its own link', async () => {
    const fake = useFakeTransport(() => ({ ok: false, code: 'NOT_FOUND', message: '该信息不存在或已撤回' }));
    const page = openPage<DetailData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(textOf(page, '#error')).toContain('该信息不存在或已撤回');
    fake.answer(() => ({ ok: true, data: item() }));
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
    expect(page.instance.onShareAppMessage?.call(page.instance, {})).toEqual({
      title: '扎毛乡农村低保对象认定办法',
      path: '/pages/item/detail/index?id=it-1',
    });
    expect(page.instance.onShareTimeline?.call(page.instance)).toEqual({
      title: '扎毛乡农村低保对象认定办法',
      query: 'id=it-1',
    });
  });

  it('says so when the link has no id', async () => {
    const fake = useFakeTransport(() => ({ ok: true, data: item() }));
    const page = openPage<DetailData>(ROUTE, {});
    await flush();
    expect(fake.calls).toHaveLength(0);
    expect(textOf(page, '#error')).toContain('链接缺少信息编号');
  });
});
