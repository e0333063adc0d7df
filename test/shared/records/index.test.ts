import { parseWith } from '../../../shared/errors';
import { normalizeTexts } from '../../../shared/records/common';
import {
  disclosureItemSchema,
  isoDate,
  itemContentSchema,
  requestRecordSchema,
  reviewCaseSchema,
  statEntrySchema,
  yearOf,
} from '../../../shared/records';

describe('record schemas', () => {
  it('dates are real calendar days in YYYY-MM-DD', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2023-02-29').success).toBe(false);
    expect(isoDate.safeParse('2023/01/01').success).toBe(false);
    expect(yearOf('2023-12-31')).toBe(2023);
  });

  it('a disclosure item carries its metadata and status, with defaults for what staff leave out', () => {
    const item = disclosureItemSchema.parse({
      id: 'i1',
      status: 'draft',
      title: '关于2024年春耕备耕的通知',
      publisher: '扎毛乡人民政府',
      writtenDate: '2024-03-01',
      category: 'agriculture',
    });
    expect(item).toMatchObject({
      indexNo: null,
      publishedDate: null,
      version: 1,
      validity: null,
      attachments: [],
      disclosureMode: '主动公开',
    });
    const r = parseWith(itemContentSchema, {
      title: '',
      publisher: '乡政府',
      writtenDate: '2024-13-01',
      category: 'x',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.map((e) => e.path)).toEqual(['title', 'writtenDate']);
    if (!r.ok) expect(r.fieldErrors?.[0]?.message).toContain('请填写名称');
  });

  it('a request has one of the six applicant types and the 21 outcomes, answered together with its date', () => {
    expect(
      requestRecordSchema.parse({ id: 'r', applicantType: 'natural', receivedDate: '2023-01-01' }).outcome,
    ).toBeNull();
    const bad = parseWith(requestRecordSchema, {
      id: 'r',
      applicantType: 'alien',
      receivedDate: '2023-01-05',
      outcome: 'disclosed',
      answeredDate: '2023-01-01',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.map((e) => e.path)).toEqual(['applicantType']);
    const half = parseWith(requestRecordSchema, {
      id: 'r',
      applicantType: 'natural',
      receivedDate: '2023-01-05',
      outcome: 'disclosed',
    });
    expect(half.ok || half.fieldErrors?.[0]?.path).toBe('outcome');
    const early = parseWith(requestRecordSchema, {
      id: 'r',
      applicantType: 'natural',
      receivedDate: '2023-01-05',
      outcome: 'disclosed',
      answeredDate: '2023-01-01',
    });
    expect(early.ok || early.fieldErrors?.[0]?.path).toBe('answeredDate');
  });

  it('statistics entries: counts are whole, fees in 万元 may be decimals, an override needs a reason', () => {
    expect(
      statEntrySchema.parse({
        kind: 'fee',
        id: 'f',
        metric: 'fees.amountWanYuan',
        date: '2023-05-01',
        amountWanYuan: 0.35,
      }).kind,
    ).toBe('fee');
    expect(
      statEntrySchema.safeParse({
        kind: 'count',
        id: 'c',
        metric: 'licensing.decisions',
        date: '2023-05-01',
        count: 1.5,
      }).success,
    ).toBe(false);
    expect(
      statEntrySchema.safeParse({ kind: 'count', id: 'c', metric: 'fees.amountWanYuan', date: '2023-05-01', count: 1 })
        .success,
    ).toBe(false);
    const r = parseWith(statEntrySchema, {
      kind: 'inForceOverride',
      id: 'o',
      metric: 'rules.inForce',
      year: 2023,
      value: 3,
      reason: '',
    });
    expect(r.ok || r.fieldErrors?.[0]?.message).toContain('请说明原因');
  });

  it('a case is closed with a result and a date, or open with neither', () => {
    expect(reviewCaseSchema.parse({ id: 'c', kind: 'review', filedDate: '2023-01-01' }).result).toBeNull();
    expect(
      reviewCaseSchema.safeParse({ id: 'c', kind: 'review', filedDate: '2023-01-01', result: 'upheld' }).success,
    ).toBe(false);
    expect(
      reviewCaseSchema.safeParse({
        id: 'c',
        kind: 'directSuit',
        filedDate: '2023-05-01',
        result: 'upheld',
        closedDate: '2023-04-01',
      }).success,
    ).toBe(false);
  });
});

describe('text fields (normalizeTexts)', () => {
  it('names a bad text field by its Chinese name, a key no form has as it was sent, the whole payload as 内容', () => {
    const r = normalizeTexts({ content: { title: '通知\u0007' }, odd: ['\ud800'] });
    expect(r.issues).toEqual([
      { path: 'content.title', message: '名称含有不可见的控制字符，请删除后重试' },
      { path: 'odd.0', message: '“odd”含有无法显示的字符（不成对的 Unicode 代理项），请重新输入' },
    ]);
    expect(normalizeTexts('\u0000').issues).toEqual([
      { path: 'payload', message: '内容含有不可见的控制字符，请删除后重试' },
    ]);
  });
});
