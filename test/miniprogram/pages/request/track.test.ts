/** 查询办理进度: 查询码 + phone's last 4 → status, due date, steps and the reply letter; field errors in Chinese. */
import { MINIPROGRAM_ROOT, find, flush, openPage, tapButton, textOf } from '../../harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useFakeTransport } from '../../fake-transport';
import type { TrackData } from '../../../../miniprogram/pages/request/track/index';
import type { TrackAnswer } from 'gongkai-core';
import { dueText } from '../../../../miniprogram/pages/request/track-view';

const ROUTE = 'pages/request/track/index';

const ANSWERED = {
  view: 'applicant',
  applicationNo: 'YSQ-2026-0001',
  status: 'answered',
  statusLabel: '已答复',
  receivedDate: '2026-03-02',
  outcome: 'disclosed',
  outcomeLabel: '予以公开',
  answeredDate: '2026-03-20',
  channelLabel: '网上申请',
  submittedDate: '2026-03-01',
  applicant: {
    applicantTypeLabel: '自然人',
    name: '张*',
    idTypeLabel: '居民身份证',
    idNumber: '110***********002X',
    phone: '138****8000',
    address: '青海省黄南州***',
  },
  content: {},
  timeline: [
    { date: '2026-03-01', label: '提交申请' },
    { date: '2026-03-20', label: '作出答复', detail: '予以公开' },
  ],
  deadline: null,
  letter: { title: '政府信息公开申请答复书', text: '张*：\n您申请公开的信息，现予以公开。', date: '2026-03-20' },
  notices: [],
} as unknown as TrackAnswer;

describe('request tracking', () => {
  it('says what a 查询码 looks like: a placeholder and a format hint under the field', () => {
    useFakeTransport(() => ({ ok: true, data: ANSWERED }));
    const page = openPage<TrackData>(ROUTE);
    expect(textOf(page, '#hint-queryCode')).toBe('10 位字母和数字，提交申请后显示在结果页上（不区分大小写）。');
    // simulate keeps an input's placeholder out of the DOM: read it from the page's WXML.
    const wxml = readFileSync(path.join(MINIPROGRAM_ROOT, `${ROUTE}.wxml`), 'utf8');
    expect(wxml).toMatch(/<input id="queryCode"[^>]*placeholder="如 K7M2P9Q4XR"/);
  });

  it('prefills the 查询码 from the link and shows status, steps and the reply letter', async () => {
    const fake = useFakeTransport(() => ({ ok: true, data: ANSWERED }));
    const page = openPage<TrackData>(ROUTE, { code: 'k7m2p9q4xr' });
    expect(page.data.queryCode).toBe('K7M2P9Q4XR');
    find(page, '#phoneLast4').dispatchEvent('input', { detail: { value: '8000' } });
    await flush();
    await tapButton(page, '#query');
    expect(fake.calls).toEqual([
      { name: 'requests', event: { action: 'track', payload: { queryCode: 'K7M2P9Q4XR', phoneLast4: '8000' } } },
    ]);
    expect(textOf(page, '#status')).toBe('已答复');
    expect(textOf(page, '#outcome')).toBe('予以公开');
    expect(textOf(page, '#timeline')).toContain('2026年3月20日作出答复：予以公开');
    expect(textOf(page, '#letter')).toContain('政府信息公开申请答复书');
    expect(textOf(page, '#letter')).toContain('现予以公开');
  });

  it('shows what was asked and when it was submitted and received (the applicant’s view only)', async () => {
    const asked = {
      ...ANSWERED,
      content: { description: '请公开2025年扎毛村低保名单', deliveryFormLabel: '网上获取（电子文本）' },
    } as unknown as TrackAnswer;
    useFakeTransport(() => ({ ok: true, data: asked }));
    const page = openPage<TrackData>(ROUTE, { code: 'K7M2P9Q4XR' });
    find(page, '#phoneLast4').dispatchEvent('input', { detail: { value: '8000' } });
    await flush();
    await tapButton(page, '#query');
    expect(textOf(page, '#asked')).toBe('请公开2025年扎毛村低保名单');
    expect(textOf(page, '#submitted')).toBe('2026年3月1日');
    expect(textOf(page, '#received')).toBe('2026年3月2日');

    const publicView = {
      view: 'public',
      applicationNo: 'YSQ-2026-0001',
      status: 'received',
      statusLabel: '办理中',
      receivedDate: '2026-03-02',
      outcome: null,
      outcomeLabel: null,
      answeredDate: null,
      deadline: null,
    } as unknown as TrackAnswer;
    useFakeTransport(() => ({ ok: true, data: publicView }));
    const other = openPage<TrackData>(ROUTE, { code: 'K7M2P9Q4XR' });
    find(other, '#phoneLast4').dispatchEvent('input', { detail: { value: '8000' } });
    await flush();
    await tapButton(other, '#query');
    expect(textOf(other, '#received')).toBe('2026年3月2日');
    expect(other.querySelector('#asked')).toBeUndefined();
    expect(other.querySelector('#submitted')).toBeUndefined();
  });

  it('查询码丢失？ says how to get a new one from the office, with its address and phone from the profile', async () => {
    const fake = useFakeTransport((call) =>
      call.event.action === 'getProfile'
        ? {
            ok: true,
            data: {
              id: 'org-1',
              name: '扎毛乡人民政府',
              address: '同仁市扎毛乡政府大院',
              contactPhone: '0973-8710000',
            },
          }
        : { ok: false, code: 'INTERNAL', message: '不应查询' },
    );
    const page = openPage<TrackData>(ROUTE);
    expect(page.querySelector('#lost')).toBeUndefined();
    find(page, '#lost-link').dispatchEvent('tap');
    await flush();
    const help = textOf(page, '#lost');
    expect(help).toContain('查询码只在提交或登记申请时显示一次');
    expect(help).toContain('扎毛乡人民政府政府信息公开工作机构');
    expect(help).toContain('当面核验身份后补发新查询码');
    expect(help).toContain('地址：同仁市扎毛乡政府大院；电话：0973-8710000');
    expect(help).toContain('“我的”→“我的申请”');
    expect(fake.calls.map((c) => `${c.name}.${c.event.action}`)).toEqual(['organ.getProfile']);
    find(page, '#lost-link').dispatchEvent('tap');
    await flush();
    expect(page.querySelector('#lost')).toBeUndefined();
  });

  it('shows the due date of an open request', async () => {
    const open = {
      ...ANSWERED,
      status: 'received',
      statusLabel: '办理中',
      answeredDate: null,
      outcomeLabel: null,
      letter: null,
      deadline: {
        dueDate: '2026-03-30',
        projected: false,
        daysRemaining: 9,
        daysOverdue: 0,
        atRisk: false,
        overdue: false,
        pausedBy: null,
        pauseEndsBy: null,
        provisional: false,
        prompt: null,
        note: null,
      },
    } as unknown as TrackAnswer;
    useFakeTransport(() => ({ ok: true, data: open }));
    const page = openPage<TrackData>(ROUTE, { code: 'K7M2P9Q4XR' });
    find(page, '#phoneLast4').dispatchEvent('input', { detail: { value: '8000' } });
    await flush();
    await tapButton(page, '#query');
    expect(textOf(page, '#due')).toBe('应于 2026年3月30日 前答复（还有 9 个工作日）');
    expect(page.querySelector('#letter')).toBeUndefined();
  });

  it('says plainly that a provisional date may move (never the staff prompt)', () => {
    const deadline = {
      dueDate: '2027-01-13',
      projected: false,
      daysRemaining: 12,
      daysOverdue: 0,
      atRisk: false,
      overdue: false,
      pausedBy: null,
      pauseEndsBy: null,
      provisional: true,
      prompt: null,
      note: '该日期按法定节假日推算，当年放假调休安排公布后可能顺延。',
    } as const;
    expect(dueText(deadline, false)).toBe(
      '应于 2027年1月13日 前答复（还有 12 个工作日）。该日期按法定节假日推算，当年放假调休安排公布后可能顺延。',
    );
  });

  it('shows the notices the organ sent, newest first: what to correct and by when', async () => {
    const notices = [
      {
        kind: 'correction',
        title: '补正告知书',
        date: '2026-03-03',
        text: '政府信息公开申请补正告知书\n张*：\n    请写明所需信息的年度。\n    请于2026年3月13日前将补正材料提交本机关。',
      },
      {
        kind: 'extension',
        title: '延期答复告知书',
        date: '2026-03-25',
        text: '政府信息公开申请延期答复告知书\n张*：\n    答复期限延长10个工作日。',
      },
    ];
    const open = {
      ...ANSWERED,
      status: 'extended',
      statusLabel: '已延期',
      answeredDate: null,
      outcomeLabel: null,
      letter: null,
      notices,
    } as unknown as TrackAnswer;
    useFakeTransport(() => ({ ok: true, data: open }));
    const page = openPage<TrackData>(ROUTE, { code: 'K7M2P9Q4XR' });
    find(page, '#phoneLast4').dispatchEvent('input', { detail: { value: '8000' } });
    await flush();
    await tapButton(page, '#query');
    const ids = page.data.view?.notices.map((n) => n.key);
    expect(ids).toEqual(['extension-1', 'correction-0']);
    expect(textOf(page, '#notice-correction-0')).toContain('补正告知书（2026年3月3日）');
    expect(textOf(page, '#notice-correction-0')).toContain('请于2026年3月13日前将补正材料提交本机关');
    expect(textOf(page, '#notice-extension-1')).toContain('延长10个工作日');
  });

  it('opened on one of the user’s own requests (from 我的 or a progress message): no code to type', async () => {
    const { view: _view, ...own } = ANSWERED as unknown as Record<string, unknown>;
    const fake = useFakeTransport(() => ({ ok: true, data: { id: 'rq-9', ...own } }));
    const page = openPage<TrackData>(ROUTE, { id: 'rq-9' });
    await flush();
    expect(fake.calls).toEqual([{ name: 'requests', event: { action: 'view', payload: { id: 'rq-9' } } }]);
    expect(page.querySelector('#query')).toBeUndefined();
    expect(textOf(page, '#status')).toBe('已答复');
    expect(textOf(page, '#letter')).toContain('现予以公开');
  });

  it('an own request that cannot be read says why', async () => {
    useFakeTransport(() => ({ ok: false, code: 'NOT_FOUND', message: '该申请不存在或无权查看' }));
    const page = openPage<TrackData>(ROUTE, { id: 'rq-x' });
    await flush();
    expect(textOf(page, '#message')).toBe('该申请不存在或无权查看');
    expect(page.querySelector('#result')).toBeUndefined();
  });

  it('checks the input with the shared schema (Chinese, under the field) and shows a refusal', async () => {
    const fake = useFakeTransport(() => ({ ok: false, code: 'NOT_FOUND', message: '查询码或手机号后四位不正确' }));
    const page = openPage<TrackData>(ROUTE);
    find(page, '#phoneLast4').dispatchEvent('input', { detail: { value: '80' } });
    await flush();
    await tapButton(page, '#query');
    expect(fake.calls).toHaveLength(0);
    expect(textOf(page, '#error-phoneLast4')).toBe('手机号后四位须为 4 位数字');
    expect(textOf(page, '#error-queryCode')).toBe('请填写查询码或申请编号');

    find(page, '#queryCode').dispatchEvent('input', { detail: { value: 'K7M2P9Q4XR' } });
    find(page, '#phoneLast4').dispatchEvent('input', { detail: { value: '1111' } });
    await flush();
    await tapButton(page, '#query');
    expect(textOf(page, '#message')).toBe('查询码或手机号后四位不正确');
  });
});
