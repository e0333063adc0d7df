/**
 * 机关设置: the stored settings as a form, the 统一社会信用代码 check in Chinese as it is typed, only changed fields
 * sent, zod errors under their fields (the folded 高级 section opened for its own), the server's refusal shown,
 * extension approvers picked from the staff list, admins only.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage } from './helpers';
import type { AdminData } from '../../../miniprogram/staff/pages/admin/index';

const ROUTE = 'staff/pages/admin/index';

const SETTINGS = {
  id: 'org-1',
  name: '扎毛乡人民政府',
  creditCode: '11632323MB12345670',
  contactPhone: '0973-0000000',
  address: '扎毛乡政府大院',
  reportDueDate: '01-31',
  indexPattern: '<ORG>-<YYYY>-<NNNNN>',
  chain: ['reviewer', 'leader'],
  templateIds: { requestAnswered: 'tpl-answered' },
  noticeFields: { applicationNo: 'character_string1', status: 'phrase2', date: 'date3', note: 'thing4' },
  extensionApprovers: [],
  feePayment: '',
  reviewOrgan: '同仁市人民政府',
  court: '同仁市人民法院',
  isCounty: false,
  county: null,
};

const STAFF = [
  { id: 's-1', role: 'admin', displayName: '张三' },
  { id: 's-2', role: 'leader', displayName: '王书记' },
  { id: 's-3', role: 'reviewer', displayName: '李副乡长' },
];

/** An organ with two staff templates: one on the default keys, one (itemReturned) with its own. */
const RETURNED_FIELDS = { applicationNo: 'thing6', status: 'phrase7', date: 'time8', note: 'thing9' };
const WITH_STAFF_TEMPLATES = {
  ...SETTINGS,
  templateIds: { approvalNeeded: 'tpl-approval', itemReturned: 'tpl-returned', requestAnswered: 'tpl-answered' },
  templateFields: { itemReturned: RETURNED_FIELDS },
};

function admin(extra: Parameters<typeof routeTransport>[0] = {}, settings: object = SETTINGS) {
  return routeTransport({
    'organ.me': me('admin'),
    'organ.settings': () => ({ ok: true, data: settings }),
    'organ.listStaff': () => ({ ok: true, data: STAFF }),
    'organ.updateProfile': () => ({ ok: true, data: SETTINGS }),
    ...extra,
  });
}

async function open(): Promise<RenderedPage<AdminData>> {
  const page = openPage<AdminData>(ROUTE);
  await flush();
  return page;
}

async function type(page: RenderedPage<AdminData>, selector: string, value: string): Promise<void> {
  find(page, selector).dispatchEvent('input', { detail: { value } });
  await flush();
}

describe('机关设置', () => {
  beforeEach(() => useMemoryStorage());

  it('shows the stored profile, the credit code checked, and sends only what changed', async () => {
    const fake = admin();
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(page.data.form.name).toBe('扎毛乡人民政府');
    expect(textOf(page, '#credit-check')).toBe('✓ 校验位正确');
    expect(textOf(page, '#due-label')).toContain('1月31日');
    expect(find(page, '#chain-two').dom?.className).toContain('option--on');
    // 高级 is folded until asked for.
    expect(page.querySelector('#advanced')).toBeUndefined();

    await type(page, '#contactPhone', '0973-1111111');
    find(page, '#reportDueDate').dispatchEvent('change', { detail: { value: '2024-03-15' } });
    await flush();
    expect(textOf(page, '#due-label')).toContain('3月15日');
    await tap(page, '#chain-one');
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toEqual([
      { patch: { contactPhone: '0973-1111111', reportDueDate: '03-15', chain: ['leader'] } },
    ]);
    expect(textOf(page, '#notice')).toBe('已保存');

    // Saved is the new baseline: nothing left to send.
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toHaveLength(1);
    expect(textOf(page, '#notice')).toBe('没有需要保存的修改');
  });

  it('checks the credit code as it is typed and refuses to save a wrong one, in Chinese under the field', async () => {
    const fake = admin();
    const page = await open();
    await type(page, '#creditCode', '11632323MB12345671');
    expect(textOf(page, '#credit-check')).toBe('统一社会信用代码校验位不符，请核对');
    await type(page, '#name', '乡');
    await tapButton(page, '#save');
    expect(textOf(page, '#error-creditCode')).toBe('统一社会信用代码校验位不符，请核对');
    expect(textOf(page, '#error-name')).toBe('请填写机关名称');
    expect(fake.payloads('organ.updateProfile')).toEqual([]);
    // Typing again clears that field's error.
    await type(page, '#creditCode', '11632323mb12345670');
    expect(page.querySelector('#error-creditCode')).toBeUndefined();
    expect(textOf(page, '#credit-check')).toBe('✓ 校验位正确');
  });

  it('opens 高级 for a wrong template field key, and sends template ids and keys whole', async () => {
    const fake = admin();
    const page = await open();
    await tap(page, '#advanced-toggle');
    expect(find(page, '#template-requestAnswered').data).toBeDefined();
    await type(page, '#key-requestAnswered-status', 'status');
    await tap(page, '#advanced-toggle');
    expect(page.querySelector('#advanced')).toBeUndefined();
    await tapButton(page, '#save');
    expect(page.data.advanced).toBe(true);
    expect(textOf(page, '#error-key-requestAnswered-status')).toBe('须为模板的字段名，如 thing4、phrase2');
    expect(fake.payloads('organ.updateProfile')).toEqual([]);

    await type(page, '#key-requestAnswered-status', 'phrase5');
    await type(page, '#template-requestReceived', 'tpl-received');
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toEqual([
      {
        patch: {
          templateIds: { requestReceived: 'tpl-received', requestAnswered: 'tpl-answered' },
          noticeFields: { applicationNo: 'character_string1', status: 'phrase5', date: 'date3', note: 'thing4' },
        },
      },
    ]);
  });

  it('shows each template’s keys under its id, prefilled with the keys that apply now, in Chinese', async () => {
    admin({}, WITH_STAFF_TEMPLATES);
    const page = await open();
    await tap(page, '#advanced-toggle');
    // simulate keeps no value on a native <input>: read what its value binds (form.keys), once the input is there.
    const value = (
      purpose: 'approvalNeeded' | 'itemReturned' | 'requestAnswered' | 'deadlineNear',
      key: 'applicationNo' | 'status' | 'date' | 'note',
    ): string => {
      find(page, `#key-${purpose}-${key}`);
      return page.data.form.keys[purpose][key];
    };
    // Stored per purpose; else the default staff keys; the applicant's progress: its noticeFields.
    expect([value('itemReturned', 'applicationNo'), value('itemReturned', 'date')]).toEqual(['thing6', 'time8']);
    expect((['applicationNo', 'status', 'date', 'note'] as const).map((k) => value('approvalNeeded', k))).toEqual([
      'thing1',
      'phrase2',
      'date3',
      'thing4',
    ]);
    expect(value('requestAnswered', 'applicationNo')).toBe('character_string1');
    expect(textOf(page, '#keys-approvalNeeded')).toContain('依次为：信息标题、待审批、提交日期、备注');
    expect(textOf(page, '#keys-approvalNeeded')).toContain('标题/编号');
    // No template id, no keys; typing one shows them, on the default staff keys.
    expect(page.querySelector('#keys-deadlineNear')).toBeUndefined();
    await type(page, '#template-deadlineNear', 'tpl-deadline');
    expect(value('deadlineNear', 'applicationNo')).toBe('thing1');
    expect(textOf(page, '#keys-deadlineNear')).toContain('申请编号、即将到期或已逾期');
  });

  it('sends templateFields whole when one purpose’s key changes, and only then', async () => {
    const fake = admin({}, WITH_STAFF_TEMPLATES);
    const page = await open();
    // Unchanged keys are not sent, nor is a new template id's (default) keys.
    await type(page, '#contactPhone', '0973-1111111');
    await tap(page, '#advanced-toggle');
    await type(page, '#template-deadlineNear', 'tpl-deadline');
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toEqual([
      {
        patch: {
          contactPhone: '0973-1111111',
          templateIds: {
            approvalNeeded: 'tpl-approval',
            itemReturned: 'tpl-returned',
            requestAnswered: 'tpl-answered',
            deadlineNear: 'tpl-deadline',
          },
        },
      },
    ]);

    await type(page, '#key-approvalNeeded-status', ' phrase5 ');
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')[1]).toEqual({
      patch: {
        templateFields: {
          approvalNeeded: { applicationNo: 'thing1', status: 'phrase5', date: 'date3', note: 'thing4' },
          itemReturned: RETURNED_FIELDS,
        },
      },
    });
    // Saved is the new baseline.
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toHaveLength(2);
    expect(textOf(page, '#notice')).toBe('没有需要保存的修改');
  });

  it('shows a stored requestAnswered entry of templateFields (it wins), and moves it to noticeFields when keys are saved', async () => {
    const answered = { applicationNo: 'character_string5', status: 'phrase6', date: 'time7', note: 'thing8' };
    const fake = admin({}, { ...WITH_STAFF_TEMPLATES, templateFields: { requestAnswered: answered } });
    const page = await open();
    await tap(page, '#advanced-toggle');
    find(page, '#key-requestAnswered-status');
    expect(page.data.form.keys.requestAnswered).toEqual(answered);
    await type(page, '#key-approvalNeeded-note', 'thing9');
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toEqual([
      {
        patch: {
          noticeFields: answered,
          templateFields: {
            approvalNeeded: { applicationNo: 'thing1', status: 'phrase2', date: 'date3', note: 'thing9' },
          },
        },
      },
    ]);
  });

  it('refuses a bad staff key in Chinese under its input, opening 高级, and sends nothing', async () => {
    const fake = admin({}, WITH_STAFF_TEMPLATES);
    const page = await open();
    await tap(page, '#advanced-toggle');
    await type(page, '#key-itemReturned-date', '日期');
    await tap(page, '#advanced-toggle');
    await tapButton(page, '#save');
    expect(page.data.advanced).toBe(true);
    expect(textOf(page, '#error-key-itemReturned-date')).toBe('须为模板的字段名，如 thing4、phrase2');
    expect(page.querySelector('#error-key-approvalNeeded-date')).toBeUndefined();
    expect(fake.payloads('organ.updateProfile')).toEqual([]);
    // Typing again clears that input's error.
    await type(page, '#key-itemReturned-date', 'time8');
    expect(page.querySelector('#error-key-itemReturned-date')).toBeUndefined();
  });

  it('shows the server refusing a staff key under its input', async () => {
    admin(
      {
        'organ.updateProfile': () => ({
          ok: false,
          code: 'VALIDATION',
          message: '输入有误',
          fieldErrors: [{ path: 'patch.templateFields.approvalNeeded.note', message: '字段名不存在' }],
        }),
      },
      WITH_STAFF_TEMPLATES,
    );
    const page = await open();
    await tap(page, '#advanced-toggle');
    await type(page, '#key-approvalNeeded-note', 'thing5');
    await tap(page, '#advanced-toggle');
    await tapButton(page, '#save');
    expect(page.data.advanced).toBe(true);
    expect(textOf(page, '#error-key-approvalNeeded-note')).toBe('字段名不存在');
  });

  it('picks the extension approvers from the staff list and writes the fee payment text', async () => {
    const fake = admin();
    const page = await open();
    expect(textOf(page, '#approvers')).toContain('王书记（第一负责人）');
    await tap(page, '#approver-s-2');
    expect(find(page, '#approver-s-2').dom?.className).toContain('chip--on');
    await type(page, '#feePayment', '到乡财政所窗口缴纳');
    await tapButton(page, '#save');
    expect(fake.payloads('organ.updateProfile')).toEqual([
      { patch: { feePayment: '到乡财政所窗口缴纳', extensionApprovers: ['s-2'] } },
    ]);
  });

  it('shows the server refusing under the field', async () => {
    admin({
      'organ.updateProfile': () => ({
        ok: false,
        code: 'VALIDATION',
        message: '输入有误：address：地址有误',
        fieldErrors: [{ path: 'address', message: 'address：地址有误' }],
      }),
    });
    const page = await open();
    await type(page, '#address', '新地址');
    await tapButton(page, '#save');
    expect(textOf(page, '#error-address')).toBe('地址有误');
    expect(page.data.noticeKind).toBe('error');
  });

  it('links to 人员与邀请 and 工作日历', async () => {
    admin();
    const page = await open();
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#to-people');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/people/index' }));
    await tap(page, '#to-calendar');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/calendar/index' }));
  });

  it('is for the admin only: another role is told so without reading the settings', async () => {
    const fake = routeTransport({ 'organ.me': me('leader') });
    const page = await open();
    expect(textOf(page, '#error')).toContain('机关设置仅限管理员修改');
    expect(fake.actions()).toEqual(['organ.me']);
  });

  describe('所属县级机关', () => {
    it('joins the county by its code and shows which county the organ is under afterwards', async () => {
      const fake = admin({
        'organ.joinCounty': (p) =>
          p.code === 'K7P2M9X4QA'
            ? { ok: true, data: { countyId: 'c-1', county: '同仁市人民政府' } }
            : { ok: false, code: 'VALIDATION', message: '加入码无效、已使用或已过期' },
      });
      const page = await open();
      expect(page.querySelector('#county-text')).toBeUndefined();
      // Too short: the check names the field before anything is sent.
      await type(page, '#join-code', 'K7P');
      await tapButton(page, '#join');
      expect(textOf(page, '#error-code')).toContain('请输入县级机关提供的加入码');
      expect(fake.payloads('organ.joinCounty')).toEqual([]);
      await type(page, '#join-code', 'WRONGCODE1');
      await tapButton(page, '#join');
      expect(textOf(page, '#error-code')).toBe('加入码无效、已使用或已过期');
      await type(page, '#join-code', 'K7P2M9X4QA');
      await tapButton(page, '#join');
      expect(fake.payloads('organ.joinCounty')).toEqual([{ code: 'WRONGCODE1' }, { code: 'K7P2M9X4QA' }]);
      expect(textOf(page, '#county-text')).toBe('所属县级机关：同仁市人民政府');
      expect(page.querySelector('#join-code')).toBeUndefined();
    });

    it('shows the county an organ is already under, and a county as itself, with no code to enter', async () => {
      admin({}, { ...SETTINGS, county: '同仁市人民政府' });
      const under = await open();
      expect(textOf(under, '#county-text')).toBe('所属县级机关：同仁市人民政府');
      expect(under.querySelector('#join')).toBeUndefined();
      admin({}, { ...SETTINGS, isCounty: true });
      expect(textOf(await open(), '#county-text')).toContain('本机关为县级机关');
    });
  });
});
