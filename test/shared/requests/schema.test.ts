import { parseStaffEntry, parseSubmission, type SubmissionInput } from '../../../shared/requests';

const natural: SubmissionInput = {
  applicantType: 'natural',
  name: '李四',
  idType: 'idCard',
  idNumber: '11010519491231002x',
  phone: '138 1234 5678',
  address: '广东省梅州市五华县华城镇',
  description: '请公开本镇2025年低保名单的审批程序文件',
  titleHint: '',
  deliveryForm: 'online',
  channel: 'online',
};

const org: SubmissionInput = {
  applicantType: 'legalService',
  organisationName: '梅州某某律师事务所',
  contactName: '王五',
  idType: 'creditCode',
  idNumber: '11441700007280420Y',
  phone: '0753-2234567',
  address: '广东省梅州市梅江区某路1号',
  description: '请公开某项目征收补偿方案',
  docNoHint: '华府〔2025〕12号',
  deliveryForm: 'email',
  email: 'office@example.com',
  channel: 'online',
};

function paths(input: unknown): string[] {
  const r = parseSubmission(input);
  return r.ok ? [] : (r.fieldErrors ?? []).map((e) => e.path);
}

describe('submission (条例 第二十九条)', () => {
  it('accepts a natural person and normalises ID (lowercase x) and phone; empty hints become absent', () => {
    const r = parseSubmission(natural);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ idNumber: '11010519491231002X', phone: '13812345678' });
    expect(r.data.titleHint).toBeUndefined();
  });

  it('accepts an organisation with 统一社会信用代码, landline and e-mail delivery', () => {
    expect(parseSubmission(org)).toMatchObject({ ok: true, data: { docNoHint: '华府〔2025〕12号' } });
  });

  it('requires the name of a person, the organisation and contact of an organisation', () => {
    expect(paths({ ...natural, name: '  ' })).toEqual(['name']);
    expect(paths({ ...org, organisationName: undefined, contactName: undefined })).toEqual([
      'organisationName',
      'contactName',
    ]);
    expect(paths({ ...natural, idType: 'creditCode', idNumber: '11441700007280420Y' })).toEqual(['idType']);
  });

  it('checks the identity number against its type, and the phone', () => {
    expect(paths({ ...natural, idNumber: '110105194912310021' })).toEqual(['idNumber']);
    expect(paths({ ...natural, phone: '12812345678' })).toEqual(['phone']);
  });

  it('requires an e-mail address for e-mail delivery, and a valid one when given', () => {
    expect(paths({ ...org, email: '' })).toEqual(['email']);
    expect(paths({ ...natural, email: 'not-an-address' })).toEqual(['email']);
  });

  it('requires an address only for posted paper delivery (纸质文本邮寄)', () => {
    expect(paths({ ...natural, deliveryForm: 'online', address: '' })).toEqual([]);
    expect(paths({ ...natural, deliveryForm: 'paper', address: '' })).toEqual(['address']);
  });

  it('limits the description and refuses unknown fields and values', () => {
    expect(paths({ ...natural, description: '低保' })).toEqual(['description']);
    expect(paths({ ...natural, description: '字'.repeat(2001) })).toEqual(['description']);
    expect(paths({ ...natural, deliveryForm: 'fax', channel: 'phone', applicantType: 'company' })).toEqual(
      expect.arrayContaining(['deliveryForm', 'channel', 'applicantType']),
    );
    expect(paths({ ...natural, receivedDate: '2026-01-01' })).toEqual(['']);
  });

  it('names the field in Chinese and never repeats what was typed', () => {
    const bad = { ...natural, idNumber: '110105194912310021', phone: '12812345678', address: '某地' };
    const r = parseSubmission(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = JSON.stringify(r);
    expect(r.message).toMatch(/^输入有误：通讯地址至少 5 个字（另有 2 处错误）$/);
    expect(r.fieldErrors?.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^身份证号码校验位/), expect.stringMatching(/^联系电话/)]),
    );
    for (const value of ['110105194912310021', '12812345678', '某地']) expect(text).not.toContain(value);
  });
});

describe('staff entry (条例 第三十一条)', () => {
  const paper = {
    ...natural,
    channel: 'post',
    deliveryForm: 'paper',
    receivedDate: '2026-03-03',
    postmarkDate: '2026-03-01',
  };

  it('takes the receipt date (by post: the day signed for) and the postmark', () => {
    expect(parseStaffEntry(paper, '2026-03-03')).toMatchObject({ ok: true, data: { receivedDate: '2026-03-03' } });
  });

  it('refuses a receipt date after today, a postmark after it, or a postmark on a non-post request', () => {
    expect(parseStaffEntry(paper, '2026-03-02')).toMatchObject({ ok: false, fieldErrors: [{ path: 'receivedDate' }] });
    const late = parseStaffEntry({ ...paper, postmarkDate: '2026-03-04' }, '2026-03-05');
    expect(late).toMatchObject({ ok: false, fieldErrors: [{ path: 'postmarkDate' }] });
    const inPerson = parseStaffEntry({ ...paper, channel: 'inPerson' }, '2026-03-05');
    expect(inPerson).toMatchObject({ ok: false, fieldErrors: [{ path: 'postmarkDate' }] });
  });

  it('requires a valid receipt date and still applies the submission rules', () => {
    const r = parseStaffEntry({ ...paper, receivedDate: '2026-02-30', name: '' }, '2026-03-05');
    expect(r.ok ? [] : r.fieldErrors?.map((e) => e.path)).toEqual(expect.arrayContaining(['receivedDate', 'name']));
  });
});
