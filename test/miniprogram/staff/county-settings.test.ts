/**
 * 县级设置 with a fake transport: the due date picked and saved (county.settings), a join code for a township
 * (county.inviteOrgan), an organ not on the product added by name with its aliases (county.addOrgan, one idempotency
 * key per organ typed), each organ's aliases saved (county.setAliases) — each refusal shown in Chinese under its own
 * section; the county role only; reached from 县级审核 with the due date it shows.
 */
import type { CountyOrgan } from 'gongkai-staff';
import type { CountySettingsData } from '../../../miniprogram/staff/pages/county-settings/index';
import { aliasesOf } from '../../../miniprogram/staff/pages/county-settings/view';
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';

const ROUTE = 'staff/pages/county-settings/index';

function countyStore() {
  const organs: CountyOrgan[] = [
    { organId: 'o1', name: '扎毛乡人民政府', aliases: ['扎毛乡政府'], onProduct: true },
    { organId: 'o2', name: '双朋西乡人民政府', aliases: [], onProduct: false },
  ];
  const handlers: Record<string, Handler> = {
    'organ.me': me('county'),
    'county.organs': () => ({ ok: true, data: organs.map((o) => ({ ...o, aliases: [...o.aliases] })) }),
    'county.settings': (p) => ({ ok: true, data: { dueDate: String(p.dueDate) } }),
    'county.inviteOrgan': () => ({ ok: true, data: { code: 'J4K8M2P7QX', expiresAt: '2026-12-14T07:30:00.000Z' } }),
    'county.addOrgan': (p) => {
      const organ = { organId: 'o3', name: String(p.organName), aliases: p.aliases as string[], onProduct: false };
      organs.push(organ);
      return { ok: true, data: organ };
    },
    'county.setAliases': (p) => {
      const organ = organs.find((o) => o.organId === p.organId);
      if (!organ) return { ok: false, code: 'NOT_FOUND', message: '机关不存在或无权查看' };
      organ.aliases = p.aliases as string[];
      return { ok: true, data: organ };
    },
  };
  return { organs, handlers };
}

async function open(query: Record<string, string> = { due: '02-15' }): Promise<RenderedPage<CountySettingsData>> {
  const page = openPage<CountySettingsData>(ROUTE, query);
  await flush();
  return page;
}

async function type(page: RenderedPage<CountySettingsData>, selector: string, value: string): Promise<void> {
  find(page, selector).dispatchEvent('input', { detail: { value } });
  await flush();
}

describe('县级设置', () => {
  beforeEach(() => useMemoryStorage());

  it('shows the due date it was opened with and saves the one picked', async () => {
    const fake = routeTransport(countyStore().handlers);
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#due-label')).toContain('2月15日');
    find(page, '#dueDate').dispatchEvent('change', { detail: { value: '2024-03-10' } });
    await flush();
    expect(fake.payloads('county.settings')).toEqual([{ dueDate: '03-10' }]);
    expect(textOf(page, '#due-label')).toContain('3月10日');
    expect(textOf(page, '#notice')).toContain('报送截止已改为 3月10日');
  });

  it('shows the function’s refusal of a due date under its section', async () => {
    const store = countyStore();
    routeTransport({
      ...store.handlers,
      'county.settings': () => ({ ok: false, code: 'VALIDATION', message: '输入有误：报送截止日期格式应为 MM-DD' }),
    });
    const page = await open();
    find(page, '#dueDate').dispatchEvent('change', { detail: { value: '2024-03-10' } });
    await flush();
    expect(textOf(page, '#error-due')).toContain('报送截止日期');
    expect(textOf(page, '#due-label')).toContain('2月15日');
  });

  it('makes a join code for a township, shown with its expiry and 复制', async () => {
    const fake = routeTransport(countyStore().handlers);
    const copy = jest.fn();
    Object.assign(wx, { setClipboardData: copy });
    const page = await open();
    await tapButton(page, '#make-code');
    expect(fake.payloads('county.inviteOrgan')).toEqual([{ expiresInDays: 7 }]);
    expect(textOf(page, '#invite-code')).toBe('J4K8M2P7QX');
    expect(textOf(page, '#invite')).toContain('2026-12-14 15:30');
    await tapButton(page, '#copy');
    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: 'J4K8M2P7QX' }));
  });

  it('adds an organ not on the product with its aliases; a name too short is named before anything is sent', async () => {
    const store = countyStore();
    const fake = routeTransport(store.handlers);
    const page = await open();
    await type(page, '#organName', '甲');
    await tapButton(page, '#add-organ');
    expect(textOf(page, '#error-add')).toContain('请填写机关名称');
    expect(fake.payloads('county.addOrgan')).toEqual([]);
    await type(page, '#organName', '曲库乎乡人民政府');
    await type(page, '#newAliases', '曲库乎乡政府、 曲库乎乡');
    await tapButton(page, '#add-organ');
    expect(fake.payloads('county.addOrgan')).toEqual([
      { organName: '曲库乎乡人民政府', aliases: ['曲库乎乡政府', '曲库乎乡'] },
    ]);
    expect(textOf(page, '#notice')).toContain('已添加：曲库乎乡人民政府');
    expect(textOf(page, '#organ-o3')).toContain('曲库乎乡人民政府');
    expect(textOf(page, '#organ-o3')).toContain('未使用本系统');
  });

  it('retries an add after a lost answer with the same idempotency key, a new organ with a new one', async () => {
    const store = countyStore();
    const fake = routeTransport({
      ...store.handlers,
      'county.addOrgan': () => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }),
    });
    const page = await open();
    await type(page, '#organName', '曲库乎乡人民政府');
    await tapButton(page, '#add-organ');
    await tapButton(page, '#add-organ');
    await type(page, '#organName', '加吾乡人民政府');
    await tapButton(page, '#add-organ');
    const keys = fake.calls.filter((c) => c.event.action === 'addOrgan').map((c) => c.event.idempotencyKey);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(textOf(page, '#error-add')).toContain('网络连接失败');
  });

  it('saves an organ’s aliases as typed in one line; a refusal shows under that organ', async () => {
    const store = countyStore();
    const fake = routeTransport(store.handlers);
    const page = await open();
    expect(find(page, '#aliases-o1').dom).toBeDefined();
    expect(page.data.organs[0]?.aliases).toBe('扎毛乡政府');
    await type(page, '#aliases-o2', '双朋西乡政府，同仁市双朋西乡人民政府');
    await tapButton(page, '#save-o2');
    expect(fake.payloads('county.setAliases')).toEqual([
      { organId: 'o2', aliases: ['双朋西乡政府', '同仁市双朋西乡人民政府'] },
    ]);
    expect(page.data.organs[1]?.aliases).toBe('双朋西乡政府、同仁市双朋西乡人民政府');
    await type(page, '#aliases-o1', '扎');
    await tapButton(page, '#save-o1');
    expect(textOf(page, '#error-alias-o1')).toContain('别名至少两个字');
    expect(fake.payloads('county.setAliases')).toHaveLength(1);
  });

  it('is for the county role only', async () => {
    const fake = routeTransport({ 'organ.me': me('admin') });
    const page = await open();
    expect(textOf(page, '#error')).toContain('仅县级审核员');
    expect(fake.actions()).toEqual(['organ.me']);
  });

  it('splits aliases at commas, 顿号, semicolons and spaces', () => {
    expect(aliasesOf(' 甲乡政府，乙乡、丙乡; 丁乡  戊乡 ')).toEqual(['甲乡政府', '乙乡', '丙乡', '丁乡', '戊乡']);
    expect(aliasesOf('  ')).toEqual([]);
  });
});
