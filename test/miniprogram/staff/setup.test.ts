/**
 * 新机关开通: reached from the bind page; the setup code, the organ's name and 统一社会信用代码 (checked as typed) and
 * the person's name → organ.setup → the 工作台; errors in Chinese under their fields, the server's refusal shown.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { routeTransport, useMemoryStorage } from './helpers';
import type { SetupData } from '../../../miniprogram/staff/pages/setup/index';

const ROUTE = 'staff/pages/setup/index';

async function type(page: RenderedPage<SetupData>, id: string, value: string): Promise<void> {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
  await flush();
}

async function fill(page: RenderedPage<SetupData>, creditCode = '11632323MB12345670'): Promise<void> {
  await type(page, 'code', 'ABCDEF123456');
  await type(page, 'name', '扎毛乡人民政府');
  await type(page, 'creditCode', creditCode);
  await type(page, 'displayName', '王五');
}

describe('新机关开通', () => {
  beforeEach(() => useMemoryStorage());

  it('is linked from the bind page', async () => {
    routeTransport({});
    const bind = openPage('staff/pages/bind/index');
    const navigate = jest.spyOn(wx, 'navigateTo');
    expect(textOf(bind, '#to-setup')).toContain('开通新机关');
    await tap(bind, '#to-setup');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/setup/index' }));
  });

  it('opens the organ with the setup code and goes to the 工作台 as its admin', async () => {
    const fake = routeTransport({
      'organ.setup': () => ({ ok: true, data: { organId: 'org-9', role: 'admin', roleLabel: '管理员' } }),
    });
    const redirect = jest.spyOn(wx, 'redirectTo');
    const page = openPage<SetupData>(ROUTE);
    await fill(page, '11632323mb12345670');
    expect(textOf(page, '#credit-check')).toBe('✓ 校验位正确');
    await tapButton(page, '#setup');
    expect(fake.payloads('organ.setup')).toEqual([
      {
        code: 'ABCDEF123456',
        organ: expect.objectContaining({ name: '扎毛乡人民政府', creditCode: '11632323MB12345670' }) as unknown,
        displayName: '王五',
      },
    ]);
    expect(redirect).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/home/index' }));
  });

  it('checks every field first, in Chinese under each', async () => {
    const fake = routeTransport({});
    const page = openPage<SetupData>(ROUTE);
    await type(page, 'creditCode', '11632323MB12345671');
    expect(textOf(page, '#credit-check')).toBe('统一社会信用代码校验位不符，请核对');
    await tapButton(page, '#setup');
    expect(textOf(page, '#error-code')).toBe('请输入设置码');
    expect(textOf(page, '#error-name')).toBe('请填写机关名称');
    expect(textOf(page, '#error-creditCode')).toBe('统一社会信用代码校验位不符，请核对');
    expect(textOf(page, '#error-displayName')).toBe('请填写您的姓名');
    expect(fake.calls).toHaveLength(0);
    await type(page, 'name', '扎毛乡人民政府');
    expect(page.querySelector('#error-name')).toBeUndefined();
  });

  it('shows the server refusing a used setup code under the field', async () => {
    routeTransport({
      'organ.setup': () => ({
        ok: false,
        code: 'VALIDATION',
        message: '设置码无效、已使用或已过期',
        fieldErrors: [{ path: 'code', message: 'code：设置码无效、已使用或已过期' }],
      }),
    });
    const redirect = jest.spyOn(wx, 'redirectTo');
    redirect.mockClear();
    const page = openPage<SetupData>(ROUTE);
    await fill(page);
    await tapButton(page, '#setup');
    expect(textOf(page, '#error-code')).toBe('设置码无效、已使用或已过期');
    expect(textOf(page, '#message')).toBe('设置码无效、已使用或已过期');
    expect(redirect).not.toHaveBeenCalled();
  });
});
