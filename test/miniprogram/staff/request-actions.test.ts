/**
 * Every action the requests function offers is usable from the request page: 登记送达 (the open notice preselected,
 * the signed-for date, returned post), 逾期补正的正当理由, the 征求意见书's contact and how notices go out, the
 * 第三十五条 steps (ask for reasons, the applicant's answer, a later date), the fee count raised for a 一事一申请
 * split with its reason, and the reply's details by outcome (how provided, where to get it, the responsible organ,
 * the edited basis, the public-interest reasons after an objection) — drafted into the letter and sent with it.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { RequestData } from '../../../miniprogram/staff/pages/request/index';

// The first page a file opens compiles TDesign's components: slow on a loaded machine, nothing timed.
jest.setTimeout(30_000);

const ROUTE = 'staff/pages/request/index';

function answer(extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    applicationNo: 'ZM-2026-001',
    queryCode: '',
    channel: 'post',
    status: 'received',
    statusLabel: '办理中',
    submittedDate: '2026-03-02',
    receivedDate: '2026-03-02',
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
    history: [{ date: '2026-03-02', action: { type: 'confirmReceipt' } }],
    outcome: null,
    answeredDate: null,
    actions: [
      'recordDelivery',
      'receiveCorrection',
      'askReasons',
      'receiveReasons',
      'setLaterDate',
      'startConsultation',
      'noticeFee',
      'answer',
    ],
    version: 4,
    deadline: null,
    nthThisMonth: 3,
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
    version: 5,
    status: 'received',
    statusLabel: '办理中',
    actions: [],
    deadline: null,
    notified: false,
  },
});

const DRAFT: Handler = (p) => ({
  ok: true,
  data: { outcome: p.outcome, title: '政府信息公开申请答复书', text: `草稿 ${JSON.stringify(p.details)}`, missing: [] },
});

async function open(extra: Record<string, unknown> = {}, handlers: Record<string, Handler> = {}) {
  const fake = routeTransport({
    'organ.me': me('editor'),
    'requests.get': () => ({ ok: true, data: answer(extra) }),
    'requests.act': ACT_OK,
    'requests.letter': DRAFT,
    ...handlers,
  });
  const page = openPage<RequestData>(ROUTE, { id: 'r1' });
  await flush();
  return { fake, page };
}

function type(page: RenderedPage<RequestData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

function pickDate(page: RenderedPage<RequestData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('change', { detail: { value } });
}

async function send(page: RenderedPage<RequestData>): Promise<void> {
  await flush();
  await tapButton(page, '#submit');
}

const sentAction = (fake: { payloads(key: string): Record<string, unknown>[] }) =>
  fake.payloads('requests.act').at(-1)?.action;

describe('the request page offers every action of the function', () => {
  beforeEach(() => useMemoryStorage());

  it('登记送达: the open notice preselected, post with its signed-for date, or returned post', async () => {
    const { fake, page } = await open({ status: 'correctionRequested', statusLabel: '待申请人补正' });
    await tapButton(page, '#action-recordDelivery');
    expect(page.data.fields.notice).toBe('correction');
    await tap(page, '#via-post');
    expect(textOf(page, '#form')).toContain('签收日期');
    pickDate(page, 'date', '2026-03-06');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'recordDelivery', notice: 'correction', via: 'post', date: '2026-03-06' });

    await tapButton(page, '#action-recordDelivery');
    await tap(page, '#notice-kind-fee');
    await tap(page, '#via-post');
    await tap(page, '#returned');
    pickDate(page, 'date', '2026-03-09');
    await send(page);
    expect(sentAction(fake)).toEqual({
      type: 'recordDelivery',
      notice: 'fee',
      via: 'post',
      date: '2026-03-09',
      returned: true,
    });
  });

  it('收到补正 with the 正当理由 of a late correction (条例 第三十条)', async () => {
    const { fake, page } = await open({ status: 'correctionRequested' });
    await tapButton(page, '#action-receiveCorrection');
    type(page, 'lateReason', '邮件在途延误，有邮戳为证');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'receiveCorrection', lateReason: '邮件在途延误，有邮戳为证' });
  });

  it('征求第三方意见 with the contact for the letter and how it goes out; a notice’s channel elsewhere too', async () => {
    const { fake, page } = await open();
    await tapButton(page, '#action-startConsultation');
    type(page, 'party', '扎毛村村委会');
    type(page, 'contact', '0973-8710000');
    await tap(page, '#via-inPerson');
    await send(page);
    expect(sentAction(fake)).toEqual({
      type: 'startConsultation',
      party: '扎毛村村委会',
      contact: '0973-8710000',
      via: 'inPerson',
    });
  });

  it('第三十五条: asks for reasons, records the answer, and tells a later date with its reason', async () => {
    const { fake, page } = await open();
    await tapButton(page, '#action-askReasons');
    expect(textOf(page, '#form')).toContain('答复期限不因此中止');
    type(page, 'items', '请说明本月申请30件的用途');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'askReasons', items: '请说明本月申请30件的用途' });

    await tapButton(page, '#action-receiveReasons');
    type(page, 'answer', '用于课题研究，附研究计划');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'receiveReasons', answer: '用于课题研究，附研究计划' });

    await tapButton(page, '#action-setLaterDate');
    pickDate(page, 'date', '2026-05-29');
    type(page, 'reason', '涉及十年档案，需逐件检索');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'setLaterDate', date: '2026-05-29', reason: '涉及十年档案，需逐件检索' });
  });

  it('收费 by count raised for a 一事一申请 split, with its reason; the function’s error lands by the count', async () => {
    const { fake, page } = await open(
      {},
      {
        'requests.act': () => ({
          ok: false,
          code: 'VALIDATION',
          message: '按记录，本申请是申请人本月第 3 件',
          fieldErrors: [{ path: 'action.feeBasis.nthThisMonth', message: '按记录，本申请是申请人本月第 3 件' }],
        }),
      },
    );
    await tapButton(page, '#action-noticeFee');
    expect(page.querySelector('#splitReason')).toBeUndefined();
    type(page, 'splitNth', '13');
    await flush();
    expect(textOf(page, '#fee-amount')).toBe('应缴 100 元');
    type(page, 'splitReason', '一份申请含3个村3年的名单，按村和年度拆分');
    await tap(page, '#via-online');
    await send(page);
    expect(sentAction(fake)).toEqual({
      type: 'noticeFee',
      feeBasis: { method: 'count', nthThisMonth: 13, splitReason: '一份申请含3个村3年的名单，按村和年度拆分' },
      amountYuan: 100,
      via: 'online',
    });
    expect(textOf(page, '#error-splitNth')).toContain('本月第 3 件');
  });

  it('答复 予以公开: how it is provided, drafted into the letter and sent with it; an already-public item’s route', async () => {
    const { fake, page } = await open();
    await tapButton(page, '#action-answer');
    expect(page.querySelector('#deliveryNote')).toBeUndefined();
    await tap(page, '#outcome-disclosed');
    expect(page.querySelector('#publicInterestReason')).toBeUndefined(); // no third party objected
    type(page, 'deliveryNote', '随本答复书邮寄纸质文本');
    await flush();
    await tap(page, '#redraft');
    expect(fake.payloads('requests.letter').at(-1)).toEqual({
      id: 'r1',
      outcome: 'disclosed',
      details: { deliveryNote: '随本答复书邮寄纸质文本' },
    });
    expect(page.data.letterText).toContain('随本答复书邮寄纸质文本');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'answer', outcome: 'disclosed', deliveryNote: '随本答复书邮寄纸质文本' });

    // Fields of another outcome are not sent.
    await tapButton(page, '#action-answer');
    await tap(page, '#outcome-disclosed');
    type(page, 'whereToGet', '扎毛乡人民政府门户网站“政府信息公开”栏目');
    await flush();
    await tap(page, '#outcome-notProcessedPetition');
    expect(page.querySelector('#whereToGet')).toBeUndefined();
    type(page, 'letterText', '答复书全文');
    await send(page);
    expect(sentAction(fake)).toEqual({ type: 'answer', outcome: 'notProcessedPetition' });
  });

  it('答复 第三十六条第（五）项: not this organ’s, naming the responsible organ and its contact', async () => {
    const { fake, page } = await open();
    await tapButton(page, '#action-answer');
    await tap(page, '#outcome-unavailableNotHeld');
    expect(page.querySelector('#holderOrgan')).toBeUndefined();
    await tap(page, '#notThisOrgan');
    type(page, 'holderOrgan', '同仁市民政局');
    type(page, 'holderContact', '0973-8720000');
    await flush();
    await tap(page, '#redraft');
    expect(fake.payloads('requests.letter').at(-1)?.details).toEqual({
      notThisOrgan: true,
      holderOrgan: '同仁市民政局',
      holderContact: '0973-8720000',
    });
    await send(page);
    expect(sentAction(fake)).toEqual({
      type: 'answer',
      outcome: 'unavailableNotHeld',
      notThisOrgan: true,
      holderOrgan: '同仁市民政局',
      holderContact: '0973-8720000',
    });
  });

  it('答复 over a third party’s objection asks for the public-interest reasons; a confirmation row’s basis is editable', async () => {
    const history = [
      { date: '2026-03-02', action: { type: 'confirmReceipt' } },
      { date: '2026-03-03', action: { type: 'startConsultation', party: '扎毛村村委会' } },
      { date: '2026-03-10', action: { type: 'endConsultation', opinion: 'objected' } },
    ];
    const { fake, page } = await open({ history });
    await tapButton(page, '#action-answer');
    await tap(page, '#outcome-disclosed');
    type(page, 'deliveryNote', '当面领取');
    type(page, 'publicInterestReason', '涉及全村低保资金使用，公开对公共利益有重大影响');
    await send(page);
    expect(sentAction(fake)).toEqual({
      type: 'answer',
      outcome: 'disclosed',
      deliveryNote: '当面领取',
      publicInterestReason: '涉及全村低保资金使用，公开对公共利益有重大影响',
    });

    await tapButton(page, '#action-answer');
    await tap(page, '#outcome-notProcessedConfirmation');
    type(page, 'basis', '参照国办公开办函〔2021〕30号表三');
    await send(page);
    expect(sentAction(fake)).toMatchObject({
      type: 'answer',
      outcome: 'notProcessedConfirmation',
      basis: '参照国办公开办函〔2021〕30号表三',
    });
  });
});
