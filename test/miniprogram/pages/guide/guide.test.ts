/**
 * 政府信息公开指南 in the mini program: drawn from the organ's public profile by the portal's own pure function, so
 * the two say the same; reached from 关于; online requests point to the 依申请 tab.
 */
import { publicationGuide } from '../../../../shared/catalogue/guide';
import { flush, openPage, tap, tapButton, textOf } from '../../harness';
import { useFakeTransport } from '../../fake-transport';
import type { GuideData } from '../../../../miniprogram/pages/guide/index/index';
import type { AboutData } from '../../../../miniprogram/pages/about/index/index';

const ROUTE = 'pages/guide/index/index';

const PROFILE = {
  id: 'org-1',
  name: '扎毛乡人民政府',
  creditCode: '11632323MB12345670',
  contactPhone: '0973-0000000',
  address: '扎毛乡政府大院',
  reportDueDate: '01-31',
  indexPattern: '{organ}-{year}-{seq}',
  chain: ['reviewer', 'leader'],
  templateIds: {},
  // An optional field the profile may hold: the 指南 shows it.
  officeHours: '工作日 9:00—12:00，14:30—17:30',
};

describe('政府信息公开指南 page', () => {
  it('shows the organ’s 指南 from its public profile, the same sections as the portal’s', async () => {
    const fake = useFakeTransport(() => ({ ok: true, data: PROFILE }));
    const page = openPage<GuideData>(ROUTE);
    await flush();
    expect(fake.calls.map((c) => `${c.name}.${c.event.action}`)).toEqual(['organ.getProfile']);
    expect(textOf(page, '#title')).toBe('扎毛乡人民政府政府信息公开指南');
    const portal = publicationGuide(PROFILE, { inMiniProgram: true });
    expect(page.data.sections).toEqual(portal.sections);
    const screen = textOf(page);
    for (const text of [
      '一、主动公开',
      '二、依申请公开',
      '三、监督和救济',
      '农业农村政策',
      '扎毛乡政府大院',
      '0973-0000000',
    ])
      expect(screen).toContain(text);
    expect(screen).toContain('工作日 9:00—12:00，14:30—17:30');
    // Inside the app: no QR code to scan, the 依申请 tab instead.
    expect(screen).toContain('在本小程序的“依申请”页填写申请表');
    expect(screen).not.toContain('二维码');
    const switchTab = jest.spyOn(wx, 'switchTab');
    await tapButton(page, '#to-request');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/request/index/index' }));
  });

  it('says why it cannot load, and loads again', async () => {
    let fail = true;
    useFakeTransport(() =>
      fail ? { ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } : { ok: true, data: PROFILE },
    );
    const page = openPage<GuideData>(ROUTE);
    await flush();
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fail = false;
    await tap(page, '#retry');
    await flush();
    expect(page.data.state).toBe('ready');
  });

  it('is reached from 关于', async () => {
    useFakeTransport(() => ({ ok: true, data: PROFILE }));
    const about = openPage<AboutData>('pages/about/index/index');
    await flush();
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(about, '#guide-link');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/guide/index/index' }));
  });
});
