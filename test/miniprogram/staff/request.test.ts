/**
 * One request at the staff desk: the applicant in full, the clock, the history, the buttons the answer's
 * `actions` allow; each action's form sends the action with the version shown; 答复 picks one of table 三's 21
 * rows from its groups, drafts the letter and sends it as edited; CONFLICT reloads; field errors sit by their
 * inputs; the fee is priced with the shared 109号 function; 延期 picks the approver from `requests.approvers`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OUTCOME_ROWS } from 'gongkai-staff';
import { MINIPROGRAM_ROOT, find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { RequestData } from '../../../miniprogram/staff/pages/request/index';

const ROUTE = 'staff/pages/request/index';

function answer(extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    applicationNo: 'ZM-2026-001',
    queryCode: '',
    channel: 'online',
    status: 'received',
    statusLabel: '办理中',
    submittedDate: '2026-03-02',
    receivedDate: '2026-03-03',
    applicant: {
      applicantType: 'natural',
      name: '张三',
      idType: 'idCard',
      idNumber: '110101199001011234',
      phone: '13812345678',
      address: '扎毛乡扎毛村1号',
    },
    content: { description: '2025年扎毛村低保名单', deliveryForm: 'paper' },
    events: [],
    history: [{ date: '2026-03-03', action: { type: 'confirmReceipt' } }],
    outcome: null,
    answeredDate: null,
    actions: ['requestCorrection', 'startConsultation', 'extend', 'noticeFee', 'answer'],
    version: 2,
    deadline: {
      dueDate: '2026-03-31',
      projected: false,
      daysRemaining: 2,
      daysOverdue: 0,
      atRisk: true,
      overdue: false,
      pausedBy: null,
      pauseEndsBy: null,
      provisional: true,
      prompt: '2026 年节假日尚未录入，期限为暂估',
    },
    nthThisMonth: 12,
    letter: null,
    noticesGranted: 0,
    codeReissues: [],
    ...extra,
  };
}

const ACT_OK: Handler = () => ({
  ok: true,
  data: {
    id: 'r1',
    version: 3,
    status: 'answered',
    statusLabel: '已答复',
    actions: [],
    deadline: null,
    notified: false,
  },
});

async function open(handlers: Record<string, Handler>) {
  const fake = routeTransport({
    'organ.me': me('editor'),
    'requests.get': () => ({ ok: true, data: answer() }),
    ...handlers,
  });
  const page = openPage<RequestData>(ROUTE, { id: 'r1' });
  await flush();
  return { fake, page };
}

function type(page: RenderedPage<RequestData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

async function openForm(page: RenderedPage<RequestData>, action: string): Promise<void> {
  await tapButton(page, `#action-${action}`);
  expect(page.data.form).toBe(action);
}

describe('one request at the staff desk', () => {
  beforeEach(() => useMemoryStorage());

  it('shows the applicant in full, the clock with its prompt, the history and the allowed actions', async () => {
    const { page } = await open({});
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#applicationNo')).toContain('ZM-2026-001');
    const applicant = textOf(page, '#applicant');
    expect(applicant).toContain('张三');
    expect(applicant).toContain('110101199001011234');
    expect(applicant).toContain('13812345678');
    expect(textOf(page, '#content')).toContain('2025年扎毛村低保名单');
    const clock = textOf(page, '#clock');
    expect(clock).toContain('答复期限 2026-03-31');
    expect(clock).toContain('剩 2 个工作日');
    expect(clock).toContain('即将到期');
    expect(textOf(page, '#provisional')).toContain('节假日尚未录入');
    expect(textOf(page, '#history')).toContain('确认收到申请');
    // 答复 leads (the primary button); the steps that pause the clock follow.
    expect(page.data.buttons.map((b) => b.label)).toEqual(['答复', '补正', '征求第三方意见', '延期', '收费通知']);
    expect(page.querySelector('#action-close')).toBeUndefined();
    // The card is titled 办理时限 so its line 答复期限 … is not said twice.
    expect(clock.split('答复期限')).toHaveLength(2);
  });

  it('says 已逾期 once on an overdue clock, and keeps 收到申请日期 on one line', async () => {
    const overdue = {
      dueDate: '2026-03-20',
      projected: false,
      daysRemaining: 0,
      daysOverdue: 0,
      atRisk: false,
      overdue: true,
      pausedBy: null,
      pauseEndsBy: null,
      provisional: false,
      prompt: null,
    };
    const { page } = await open({ 'requests.get': () => ({ ok: true, data: answer({ deadline: overdue }) }) });
    const clock = textOf(page, '#clock');
    expect(clock.split('已逾期')).toHaveLength(2);
    expect(clock.split('答复期限')).toHaveLength(2);
    const wxss = readFileSync(path.join(MINIPROGRAM_ROOT, 'staff/pages/request/index.wxss'), 'utf8');
    expect(/\.line__label\s*\{[^}]*width: 6\.5em/.exec(wxss)).not.toBeNull();
  });

  it('lists exactly the 21 outcome rows of table 三 in its groups; answering sends outcome, reason, the edited letter and the version', async () => {
    const { fake, page } = await open({
      'requests.letter': (p) => ({
        ok: true,
        data: { outcome: p.outcome, title: '政府信息公开申请答复书', text: `草稿：${String(p.outcome)}`, missing: [] },
      }),
      'requests.act': ACT_OK,
    });
    await openForm(page, 'answer');
    const groups = page.data.outcomeGroups;
    expect(groups.map((g) => g.label)).toEqual([
      '（一）予以公开',
      '（二）部分公开',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
    expect(groups.map((g) => g.options.length)).toEqual([1, 1, 8, 3, 5, 3]);
    expect(groups.flatMap((g) => g.options.map((o) => o.key))).toEqual([...OUTCOME_ROWS]);
    expect(textOf(page, '#group-g2')).toContain('1.属于国家秘密');
    // The two rows only 终止 reaches are shown but cannot be picked.
    await tap(page, '#outcome-otherNoCorrection');
    expect(page.data.fields.outcome).toBe('');
    expect(fake.actions()).not.toContain('requests.letter');

    await tap(page, '#outcome-withheldThirdParty');
    expect(fake.payloads('requests.letter')).toEqual([{ id: 'r1', outcome: 'withheldThirdParty', details: {} }]);
    expect(page.data.letterText).toBe('草稿：withheldThirdParty');
    find(page, '#letterText');
    expect(textOf(page, '#outcome-note')).toContain('须说明理由');
    type(page, 'reason', '涉及第三方个人信息');
    type(page, 'letterText', '张三：经审查，您申请的信息涉及第三方合法权益，不予公开。');
    await flush();
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.act')).toEqual([
      {
        id: 'r1',
        version: 2,
        action: { type: 'answer', outcome: 'withheldThirdParty', reason: '涉及第三方个人信息' },
        letterText: '张三：经审查，您申请的信息涉及第三方合法权益，不予公开。',
      },
    ]);
    expect(fake.calls.find((c) => c.event.action === 'act')?.event.idempotencyKey).toEqual(expect.any(String));
    // Reloaded after acting.
    expect(fake.actions().filter((a) => a === 'requests.get')).toHaveLength(2);
    expect(textOf(page, '#notice')).toContain('已办理：作出答复');
  });

  it('on CONFLICT says someone else acted and reloads the request at its new version', async () => {
    let version = 2;
    const { fake, page } = await open({
      'requests.get': () => ({ ok: true, data: answer({ version }) }),
      'requests.act': () => {
        version = 3;
        return {
          ok: false,
          code: 'CONFLICT',
          message: '该申请已被他人处理（当前第 3 版），您的操作未执行，请刷新后再试',
        };
      },
    });
    await openForm(page, 'startConsultation');
    type(page, 'party', '扎毛村村委会');
    await flush();
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.act')[0]).toEqual({
      id: 'r1',
      version: 2,
      action: { type: 'startConsultation', party: '扎毛村村委会' },
    });
    expect(fake.actions().filter((a) => a === 'requests.get')).toHaveLength(2);
    expect(page.data.form).toBe('');
    expect(textOf(page, '#notice')).toContain('已被他人处理');

    // The next act carries the version now shown.
    fake.route({ 'requests.act': ACT_OK });
    await openForm(page, 'startConsultation');
    type(page, 'party', '扎毛村村委会');
    await flush();
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.act')[1]).toMatchObject({ version: 3 });
  });

  it('shows field errors by their inputs: the schema’s before sending, the function’s after', async () => {
    const { fake, page } = await open({
      'requests.act': () => ({
        ok: false,
        code: 'VALIDATION',
        message: '输入有误：补正期限（correctBy）须晚于告知日',
        fieldErrors: [{ path: 'action.correctBy', message: '补正期限（correctBy）须晚于告知日 2026-03-05' }],
      }),
    });
    await openForm(page, 'requestCorrection');
    await tapButton(page, '#submit');
    // Nothing typed: refused before sending, each field named.
    expect(fake.actions()).not.toContain('requests.act');
    expect(textOf(page, '#error-items')).toContain('补正事项');
    expect(textOf(page, '#error-correctBy')).toContain('补正期限');

    type(page, 'items', '请写明所需信息的年份');
    find(page, '#correctBy').dispatchEvent('change', { detail: { value: '2026-03-04' } });
    await flush();
    expect(page.querySelector('#error-items')).toBeUndefined();
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.act')).toEqual([
      {
        id: 'r1',
        version: 2,
        action: { type: 'requestCorrection', items: '请写明所需信息的年份', correctBy: '2026-03-04' },
      },
    ]);
    expect(textOf(page, '#error-correctBy')).toBe('补正期限（correctBy）须晚于告知日 2026-03-05');
    expect(page.querySelector('#error-items')).toBeUndefined();
    expect(page.data.form).toBe('requestCorrection');
  });

  it('prices the fee with the shared 109号 function and sends the fee basis and amount', async () => {
    const { fake, page } = await open({ 'requests.act': ACT_OK });
    await openForm(page, 'noticeFee');
    // By count: the 12th request this month → 100 元.
    expect(textOf(page, '#fee-count')).toContain('本月第 12 件');
    expect(textOf(page, '#fee-amount')).toBe('应缴 100 元');
    await tap(page, '#fee-pages');
    type(page, 'pages', '150');
    await flush();
    // 31–100: 70 × 10 + 101–150: 50 × 20 = 1700.
    expect(textOf(page, '#fee-amount')).toBe('应缴 1700 元');
    expect(textOf(page, '#fee')).toContain('30 页以内免费');
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.act')[0]).toEqual({
      id: 'r1',
      version: 2,
      action: { type: 'noticeFee', feeBasis: { method: 'pages', pages: 150 }, amountYuan: 1700 },
    });
  });

  it('extends with an approver picked from requests.approvers, and shows the notice sent', async () => {
    const history = [
      { date: '2026-03-03', action: { type: 'confirmReceipt' } },
      { date: '2026-03-20', action: { type: 'extend', workdays: 10, approverId: 's-9', reason: '涉及多个部门' } },
    ];
    const { fake, page } = await open({
      'requests.approvers': () => ({
        ok: true,
        data: [
          { id: 's-8', displayName: '王五', roleLabel: '分管领导' },
          { id: 's-9', displayName: '赵六', roleLabel: '第一负责人' },
        ],
      }),
      'requests.act': ACT_OK,
    });
    await openForm(page, 'extend');
    await flush();
    expect(textOf(page, '#approvers')).toContain('王五（分管领导）');
    type(page, 'workdays', '10');
    type(page, 'reason', '涉及多个部门');
    await tap(page, '#approver-s-9');
    fake.route({
      'requests.get': () => ({
        ok: true,
        data: answer({ version: 3, status: 'extended', statusLabel: '已延期，办理中', history }),
      }),
      'requests.letter': () => ({
        ok: true,
        data: {
          kind: 'extension',
          title: '延期答复告知书',
          text: '张三：经本机关负责人同意，答复期限延长 10 个工作日。',
          date: '2026-03-20',
        },
      }),
    });
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.act')[0]).toEqual({
      id: 'r1',
      version: 2,
      action: { type: 'extend', workdays: 10, approverId: 's-9', reason: '涉及多个部门' },
    });
    expect(textOf(page, '#history')).toContain('延长 10 个工作日');
    await tap(page, '#notice-extension');
    expect(fake.payloads('requests.letter')).toEqual([{ id: 'r1', notice: 'extension' }]);
    expect(textOf(page, '#doc')).toContain('答复期限延长 10 个工作日');
  });

  it('shows a failed load with a retry', async () => {
    const { fake, page } = await open({
      'requests.get': () => ({ ok: false, code: 'NOT_FOUND', message: '申请不存在' }),
    });
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('申请不存在');
    fake.route({ 'requests.get': () => ({ ok: true, data: answer() }) });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
