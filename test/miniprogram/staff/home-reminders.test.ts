/**
 * 工作台 → 微信提醒: on a tap, the organ's templates for the role's reminders go to wx.requestSubscribeMessage (faked
 * at the edge), each accept is stored with organ.grantReminder, and the row shows how many reminders are left.
 */
import { find, flush, openPage, tap, textOf } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';
import { NO_TEMPLATES } from '../../../miniprogram/staff/pages/home/view';

const HOME = 'staff/pages/home/index';

const TEMPLATES = {
  approvalNeeded: 'tmpl-approval',
  itemReturned: 'tmpl-returned',
  itemPublished: 'tmpl-published',
  requestReceived: 'tmpl-received',
  deadlineNear: 'tmpl-deadline',
};
const NONE = { approvalNeeded: 0, itemReturned: 0, itemPublished: 0, requestReceived: 0, deadlineNear: 0 };

function profile(templateIds: Record<string, string>): Handler {
  return () => ({ ok: true, data: { id: 'org-1', name: '扎毛乡人民政府', templateIds } });
}

/** The server's side of the grants: counts per purpose, one more per grant. */
function grants(start: Record<string, number> = NONE): Record<string, Handler> {
  const counts = { ...start };
  return {
    'organ.reminders': () => ({ ok: true, data: { ...counts } }),
    'organ.grantReminder': (p) => {
      counts[String(p.purpose)] = (counts[String(p.purpose)] ?? 0) + 1;
      return { ok: true, data: { ...counts } };
    },
  };
}

/** WeChat's dialog, answering each template id as given. */
function subscribeAnswers(answers: Record<string, string>): jest.Mock {
  const ask = jest.fn((o: { tmplIds: string[]; success: (r: Record<string, string>) => void }) =>
    o.success({ errMsg: 'requestSubscribeMessage:ok', ...answers }),
  );
  Object.assign(wx, { requestSubscribeMessage: ask });
  return ask;
}

describe('工作台 · 微信提醒', () => {
  beforeEach(() => useMemoryStorage());

  it('asks the 分管领导 for approvalNeeded on a tap, stores the accept and shows what is left', async () => {
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      'organ.getProfile': profile(TEMPLATES),
      ...grants({ ...NONE, approvalNeeded: 1 }),
    });
    const ask = subscribeAnswers({ 'tmpl-approval': 'accept' });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(fake.payloads('organ.getProfile')).toEqual([{ organId: 'org-1' }]);
    expect(textOf(page, '#reminder-approvalNeeded')).toBe('有待我审批的信息或报告：还可提醒 1 次');
    expect(ask).not.toHaveBeenCalled();

    await tap(page, '#remind');
    await flush();
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-approval'] }));
    expect(fake.payloads('organ.grantReminder')).toEqual([{ purpose: 'approvalNeeded', templateId: 'tmpl-approval' }]);
    expect(textOf(page, '#reminder-approvalNeeded')).toBe('有待我审批的信息或报告：还可提醒 2 次');
  });

  it('asks the 发起人 for its three reminders and stores only the accepted ones', async () => {
    const fake = routeTransport({ 'organ.me': me('editor'), 'organ.getProfile': profile(TEMPLATES), ...grants() });
    const ask = subscribeAnswers({ 'tmpl-received': 'accept', 'tmpl-deadline': 'accept', 'tmpl-returned': 'reject' });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(page.data.reminders.map((r) => r.purpose)).toEqual(['requestReceived', 'deadlineNear', 'itemReturned']);

    await tap(page, '#remind');
    await flush();
    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tmpl-received', 'tmpl-deadline', 'tmpl-returned'] }),
    );
    expect(fake.payloads('organ.grantReminder')).toEqual([
      { purpose: 'requestReceived', templateId: 'tmpl-received' },
      { purpose: 'deadlineNear', templateId: 'tmpl-deadline' },
    ]);
    expect(textOf(page, '#reminder-requestReceived')).toContain('还可提醒 1 次');
    expect(textOf(page, '#reminder-deadlineNear')).toContain('还可提醒 1 次');
    expect(textOf(page, '#reminder-itemReturned')).toContain('还可提醒 0 次');
  });

  it('a dialog declined or failed stores nothing', async () => {
    const fake = routeTransport({ 'organ.me': me('leader'), 'organ.getProfile': profile(TEMPLATES), ...grants() });
    const toast = jest.spyOn(wx, 'showToast');
    Object.assign(wx, {
      requestSubscribeMessage: jest.fn((o: { fail: (e: { errMsg: string }) => void }) =>
        o.fail({ errMsg: 'requestSubscribeMessage:fail' }),
      ),
    });
    const page = openPage<HomeData>(HOME);
    await flush();
    await tap(page, '#remind');
    await flush();
    expect(fake.actions()).not.toContain('organ.grantReminder');
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '未开启提醒，可随时再点此开启' }));
  });

  it('without the organ’s templates, says the admin sets them in 机关设置 and asks WeChat nothing', async () => {
    routeTransport({
      'organ.me': me('reviewer'),
      'organ.getProfile': profile({ requestAnswered: 'tmpl-progress' }),
      ...grants(),
    });
    const ask = subscribeAnswers({});
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(textOf(page, '#reminders-note')).toBe(NO_TEMPLATES);
    expect(NO_TEMPLATES).toContain('机关设置');
    await tap(page, '#remind');
    await flush();
    expect(ask).not.toHaveBeenCalled();
  });

  it('is not shown to the admin, who gets no reminders', async () => {
    const fake = routeTransport({ 'organ.me': me('admin'), 'organ.getProfile': profile(TEMPLATES), ...grants() });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(page.querySelector('#reminders')).toBeUndefined();
    expect(fake.actions()).not.toContain('organ.reminders');
    expect(find(page, '#me')).toBeDefined();
  });
});
