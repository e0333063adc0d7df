/**
 * The approval screen: the 保密审查 checklist gates 通过 at the reviewer's step, the leader's step needs none, the
 * server's refusal is shown as it says it, a correction is compared field by field, and 退回 needs a reason.
 */
import { classesOf, find, flush, openPage, tapButton, textOf } from '../harness';
import { me, routeTransport, useMemoryStorage } from './helpers';
import type { ApproveData } from '../../../miniprogram/staff/pages/approve/index';

const ROUTE = 'staff/pages/approve/index';

function item(extra: Record<string, unknown> = {}) {
  return {
    id: 'it-1',
    status: 'inReview',
    step: 0,
    version: 2,
    title: '关于2026年春耕生产的通知',
    publisher: '扎毛乡人民政府',
    writtenDate: '2026-03-01',
    category: 'agriculture',
    validity: null,
    body: '各村：请做好春耕准备。',
    attachments: [],
    indexNo: null,
    publishedDate: null,
    ...extra,
  };
}

describe('approval screen', () => {
  beforeEach(() => useMemoryStorage());

  it('lets the reviewer approve only with all five 保密审查 points ticked, and sends them', async () => {
    const fake = routeTransport({
      'organ.me': me('reviewer', '李四'),
      'items.get': () => ({ ok: true, data: item() }),
      'items.approve': () => ({ ok: true, data: { id: 'it-1', status: 'inReview', step: 1, waitingFor: 'leader' } }),
    });
    const page = openPage<ApproveData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#step')).toContain('分管领导审核');
    expect(page.data.checks.map((c) => c.label)).toEqual([
      '不含国家秘密',
      '不含工作秘密、敏感信息',
      '不含个人隐私（身份证号、电话、住址等）',
      '不含商业秘密',
      '公开不危及国家安全、公共安全、经济安全和社会稳定',
    ]);
    // A new item: said once in the title, not as a 新增 badge and tint on every field.
    expect(textOf(page, '#diff')).toContain('内容（新发布）');
    expect(textOf(page, '#diff')).not.toContain('新增');
    expect(classesOf(find(page, '#row-title'))).toContain('row--same');

    // 通过 is disabled until every point is ticked: tapping does nothing.
    for (const key of ['noStateSecret', 'noWorkSecret', 'noPrivacy', 'noTradeSecret'])
      find(page, `#check-${key}`).dispatchEvent('tap');
    await flush();
    expect(page.data.allChecked).toBe(false);
    expect(find(page, '#approve').data.disabled).toBe(true);
    await tapButton(page, '#approve');
    expect(fake.actions()).not.toContain('items.approve');
    expect(page.querySelector('#notice')).toBeUndefined();
    // Calling the handler anyway (e.g. a stale button) still refuses without sending.
    await page.instance.onApprove?.call(page.instance);
    expect(textOf(page, '#notice')).toContain('请逐项确认保密审查');
    expect(fake.actions()).not.toContain('items.approve');

    find(page, '#check-lawful').dispatchEvent('tap');
    await flush();
    expect(page.data.allChecked).toBe(true);
    expect(find(page, '#approve').data.disabled).toBe(false);
    find(page, '#comment').dispatchEvent('input', { detail: { value: '同意' } });
    await flush();
    await tapButton(page, '#approve');
    expect(fake.payloads('items.approve')).toEqual([
      {
        id: 'it-1',
        comment: '同意',
        checklist: { noStateSecret: true, noWorkSecret: true, noPrivacy: true, noTradeSecret: true, lawful: true },
      },
    ]);
    expect(fake.calls.find((c) => c.event.action === 'approve')?.event.idempotencyKey).toBeDefined();
    expect(page.data.state).toBe('done');
    expect(textOf(page, '#done')).toContain('已审核通过，等待第一负责人审批');
  });

  it('unticking a point disables 通过 again', async () => {
    routeTransport({ 'organ.me': me('reviewer'), 'items.get': () => ({ ok: true, data: item() }) });
    const page = openPage<ApproveData>(ROUTE, { id: 'it-1' });
    await flush();
    for (const c of page.data.checks) find(page, `#check-${c.key}`).dispatchEvent('tap');
    await flush();
    expect(page.data.allChecked).toBe(true);
    find(page, '#check-noPrivacy').dispatchEvent('tap');
    await flush();
    expect(page.data.allChecked).toBe(false);
  });

  it('at the leader step needs no checklist, and shows the server refusing a reviewer', async () => {
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      'items.get': () => ({ ok: true, data: item({ step: 1 }) }),
      'items.approve': () => ({
        ok: false,
        code: 'FORBIDDEN',
        message: '此步须由第一负责人审批，分管领导不能越级发布',
      }),
    });
    const page = openPage<ApproveData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(page.querySelector('#checklist')).toBeUndefined();
    expect(textOf(page, '#step-hint')).toContain('此步应由第一负责人办理');
    await tapButton(page, '#approve');
    expect(fake.payloads('items.approve')).toEqual([{ id: 'it-1' }]);
    expect(textOf(page, '#notice')).toBe('此步须由第一负责人审批，分管领导不能越级发布');
    expect(page.data.state).toBe('ready');
  });

  it('compares a correction field by field with the published original', async () => {
    const original = item({
      id: 'it-0',
      status: 'published',
      step: null,
      title: '关于2026年春耕的通知',
      body: '旧正文',
      indexNo: 'X/2026-00001',
    });
    routeTransport({
      'organ.me': me('leader', '王五'),
      'items.get': (p) => ({ ok: true, data: p.id === 'it-0' ? original : item({ step: 1, correctionOf: 'it-0' }) }),
      'items.approve': () => ({
        ok: true,
        data: { id: 'it-1', status: 'published', indexNo: 'X/2026-00002', publishedDate: '2026-03-02' },
      }),
    });
    const page = openPage<ApproveData>(ROUTE, { id: 'it-1' });
    await flush();
    expect(textOf(page, '#diff')).toContain('与原发布内容对比');
    const kinds = Object.fromEntries(page.data.rows.map((r) => [r.key, r.kind]));
    expect(kinds).toMatchObject({ title: 'changed', body: 'changed', publisher: 'same', writtenDate: 'same' });
    expect(textOf(page, '#row-title')).toContain('关于2026年春耕的通知');
    expect(textOf(page, '#row-title')).toContain('关于2026年春耕生产的通知');
    await tapButton(page, '#approve');
    expect(textOf(page, '#done')).toContain('已审批通过并发布，索引号 X/2026-00002');
  });

  it('sends back only with a reason', async () => {
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      'items.get': () => ({ ok: true, data: item() }),
      'items.reject': () => ({ ok: true, data: { id: 'it-1', status: 'draft' } }),
    });
    const page = openPage<ApproveData>(ROUTE, { id: 'it-1' });
    await flush();
    await tapButton(page, '#reject');
    expect(textOf(page, '#notice')).toContain('请写明退回理由');
    expect(fake.actions()).not.toContain('items.reject');
    find(page, '#comment').dispatchEvent('input', { detail: { value: '文号有误，请核对' } });
    await flush();
    await tapButton(page, '#reject');
    expect(fake.payloads('items.reject')).toEqual([{ id: 'it-1', comment: '文号有误，请核对' }]);
    expect(textOf(page, '#done')).toContain('已退回发起人修改');
  });
});
