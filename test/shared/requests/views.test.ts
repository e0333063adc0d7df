import fc from 'fast-check';
import { APPLICANT_TYPES } from '../../../shared/format';
import {
  applyAction,
  idCardCheckChar,
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  redactForLog,
  toApplicantView,
  toPublicView,
  toStaffView,
  type InfoRequest,
  type RequestAction,
} from '../../../shared/requests';
import { cal, received, run } from './fixtures';

describe('masks', () => {
  it('ID numbers keep the first 3 and last 4 of 18; shorter ones less', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110***********1234');
    expect(maskIdNumber('E12345678')).toBe('E*****678');
    expect(maskIdNumber('AB123')).toBe('***23');
    expect(maskIdNumber('AB1')).toBe('***');
  });

  it('phones: 138****5678; a landline keeps its area code', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('010-****5678');
    expect(maskPhone('0753-2234567-801')).toBe('0753-***4567');
    expect(maskPhone('12')).toBe('*2');
  });

  it('names keep the first character; addresses the first 6 (at most half); e-mails the domain', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('*');
    expect(maskAddress('广东省梅州市五华县华城镇新华路88号')).toBe('广东省梅州市***');
    expect(maskAddress('华城镇新街')).toBe('华城***');
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
    expect(maskEmail('broken')).toBe('***');
  });
});

describe('views', () => {
  const request = run(received({ email: 'zhangsan@example.com' }), [
    [{ type: 'requestCorrection', items: '请写明工程名称', correctBy: '2026-03-20' }, '2026-03-04'],
    [{ type: 'receiveCorrection' }, '2026-03-10'],
    [{ type: 'startConsultation', party: '梅州某建筑公司' }, '2026-03-11'],
    [{ type: 'endConsultation', opinion: 'agreed' }, '2026-03-16'],
    [{ type: 'extend', workdays: 10, approverId: 'staff-007', reason: '需调取档案' }, '2026-03-17'],
    [{ type: 'answer', outcome: 'disclosed' }, '2026-04-01'],
  ]);

  it('public: status and dates only', () => {
    expect(toPublicView(request)).toEqual({
      applicationNo: request.applicationNo,
      status: 'answered',
      statusLabel: '已答复',
      receivedDate: '2026-03-02',
      outcome: 'disclosed',
      outcomeLabel: '（一）予以公开',
      answeredDate: '2026-04-01',
    });
  });

  it('applicant: masked personal data, own request in full, a timeline without the third party or approver', () => {
    const view = toApplicantView(request);
    expect(view.applicant).toEqual({
      applicantTypeLabel: '自然人',
      name: '张**',
      idTypeLabel: '居民身份证',
      idNumber: '440***********0017',
      phone: '138****5678',
      address: '广东省梅州市***',
      email: 'z***@example.com',
    });
    expect(view.content.deliveryFormLabel).toBe('纸质文本（邮寄）');
    expect(view.timeline.map((t) => t.label)).toEqual([
      '告知补正',
      '收到补正',
      '征求第三方意见',
      '第三方意见征询结束',
      '延长答复期限',
      '作出答复',
    ]);
    expect(view.timeline[0]?.detail).toBe('请于 2026-03-20 前补正：请写明工程名称');
    const text = JSON.stringify(view);
    for (const secret of ['梅州某建筑公司', 'staff-007', request.queryCode]) expect(text).not.toContain(secret);
  });

  it('applicant: an organisation keeps its name, its contact person is masked', () => {
    const orgRequest = received({
      applicantType: 'commercial',
      name: undefined,
      organisationName: '梅州某某有限公司',
      contactName: '王小二',
      idType: 'creditCode',
      idNumber: '91350100M000100Y43',
    });
    expect(toApplicantView(orgRequest).applicant).toMatchObject({
      applicantTypeLabel: '法人或其他组织（商业企业）',
      organisationName: '梅州某某有限公司',
      contactName: '王**',
      idNumber: '913***********0Y43',
    });
  });

  it('staff: everything, plus the actions allowed now', () => {
    const open = received();
    const view = toStaffView(open);
    expect(view).toMatchObject({ ...open, statusLabel: '办理中' });
    expect(view.actions).toEqual([
      'requestCorrection',
      'startConsultation',
      'askReasons',
      'receiveReasons',
      'setLaterDate',
      'extend',
      'noticeFee',
      'answer',
    ]);
    expect(view.applicant).not.toBe(open.applicant);
  });

  it('log: ids, status, dates and action types only', () => {
    expect(redactForLog(request)).toEqual({
      id: request.id,
      applicationNo: request.applicationNo,
      status: 'answered',
      channel: 'inPerson',
      applicantType: 'natural',
      submittedDate: '2026-03-02',
      receivedDate: '2026-03-02',
      outcome: 'disclosed',
      answeredDate: '2026-04-01',
      history: [
        { date: '2026-03-04', action: 'requestCorrection' },
        { date: '2026-03-10', action: 'receiveCorrection' },
        { date: '2026-03-11', action: 'startConsultation' },
        { date: '2026-03-16', action: 'endConsultation' },
        { date: '2026-03-17', action: 'extend' },
        { date: '2026-04-01', action: 'answer' },
      ],
      descriptionLength: [...request.content.description].length,
    });
  });
});

describe('no personal data leaks (property)', () => {
  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const idNumber = fc
    .tuple(
      fc.integer({ min: 1, max: 8 }),
      digits(5),
      fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
      digits(3),
    )
    .map(([first, area, birth, seq]) => {
      const body = `${first}${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
      return body + idCardCheckChar(body);
    });
  const phone = fc.oneof(
    fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([d, rest]) => `1${d}${rest}`),
    fc
      .tuple(fc.constantFrom('010', '020', '0753', '0571'), fc.integer({ min: 2, max: 9 }), digits(6))
      .map(([a, d, rest]) => `${a}-${d}${rest}`),
  );
  const zh = (chars: string, min: number, max: number) =>
    fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));
  const address = fc.tuple(zh('省市县镇村路街巷', 4, 30), digits(2)).map(([a, n]) => `某${a}${n}号`);
  const name = zh('张王李赵欧阳司马诸葛', 2, 4);
  const description = zh('请公开本镇年度项目资金文件', 5, 60);
  const path = fc.constantFrom<readonly (readonly [RequestAction, string])[]>(
    [],
    [[{ type: 'answer', outcome: 'disclosed' }, '2026-03-10']],
    [
      [{ type: 'requestCorrection', items: '请补充项目名称', correctBy: '2026-03-20' }, '2026-03-03'],
      [{ type: 'close' }, '2026-03-23'],
    ],
    [[{ type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: 12 }, amountYuan: 100 }, '2026-03-05']],
  );

  it('public, applicant and log views never contain the ID number, phone or address', () => {
    fc.assert(
      fc.property(
        fc.record({ idNumber, phone, address, name, description, type: fc.constantFrom(...APPLICANT_TYPES), path }),
        (g) => {
          const base: InfoRequest = received({
            idNumber: g.idNumber,
            phone: g.phone,
            address: g.address,
            name: g.name,
            description: g.description,
          });
          const request: InfoRequest = { ...base, applicant: { ...base.applicant, applicantType: g.type } };
          let current = request;
          for (const [action, date] of g.path) {
            const r = applyAction(current, action, date, cal);
            if (r.ok) current = r.data;
          }
          const secrets = [g.idNumber, g.phone, g.phone.replace(/-/g, ''), g.address];
          for (const view of [toPublicView(current), toApplicantView(current), redactForLog(current)]) {
            const text = JSON.stringify(view);
            for (const s of secrets) expect(text).not.toContain(s);
          }
          for (const view of [toPublicView(current), redactForLog(current)]) {
            const text = JSON.stringify(view);
            for (const s of [g.name, g.description, current.queryCode]) expect(text).not.toContain(s);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
