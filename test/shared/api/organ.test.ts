import {
  approvalChainSchema,
  creditCodeSchema,
  organProfileSchema,
  updateProfileSchema,
} from '../../../shared/api/organ';
import { parseWith } from '../../../shared/errors';
import { DEFAULT_INDEX_PATTERN, formatIndexNo, isValidIndexPattern } from '../../../shared/records/index-no';

describe('统一社会信用代码', () => {
  it('accepts published codes (any case) and refuses a wrong check character or letter', () => {
    for (const code of ['11441700007280420Y', '91350100M000100Y43', '11100000000013127D'])
      expect(creditCodeSchema.parse(code.toLowerCase())).toBe(code);
    expect(parseWith(creditCodeSchema, '11441700007280420A')).toMatchObject({
      ok: false,
      fieldErrors: [{ message: expect.stringContaining('校验位') }],
    });
    expect(parseWith(creditCodeSchema, '1144170000728042OY')).toMatchObject({
      ok: false,
      fieldErrors: [{ message: expect.stringContaining('18位') }],
    });
  });
});

describe('organ profile', () => {
  const base = { name: '扎毛乡人民政府', creditCode: '11632323MB12345670' };

  it('fills the defaults: 索引号 pattern, reviewer → leader, report due 01-31', () => {
    expect(organProfileSchema.parse(base)).toMatchObject({
      indexPattern: DEFAULT_INDEX_PATTERN,
      chain: ['reviewer', 'leader'],
      reportDueDate: '01-31',
      templateIds: {},
    });
  });

  it('a patch carries no defaults, so it cannot reset what it does not name', () => {
    expect(updateProfileSchema.parse({ patch: { contactPhone: '1' } })).toEqual({ patch: { contactPhone: '1' } });
  });

  it('refuses chains that do not end with the leader, and impossible month-days', () => {
    expect(approvalChainSchema.safeParse(['reviewer']).success).toBe(false);
    expect(approvalChainSchema.safeParse(['leader', 'leader']).success).toBe(false);
    expect(approvalChainSchema.safeParse([]).success).toBe(false);
    expect(approvalChainSchema.safeParse(['reviewer', 'reviewer', 'leader']).success).toBe(true);
    expect(organProfileSchema.safeParse({ ...base, reportDueDate: '02-30' }).success).toBe(false);
    // 02-29 would not exist in a common year (2027): refused with a field error naming reportDueDate.
    const leap = organProfileSchema.safeParse({ ...base, reportDueDate: '02-29' });
    expect(leap.success).toBe(false);
    expect(leap.error?.issues[0]).toMatchObject({
      path: ['reportDueDate'],
      message: expect.stringContaining('2月29日'),
    });
    expect(organProfileSchema.safeParse({ ...base, reportDueDate: '02-28' }).success).toBe(true);
  });
});

describe('索引号', () => {
  it('formats the official notation and the older one alike', () => {
    const parts = { code: '11441700007280420Y', year: 2021, serial: 50 };
    expect(formatIndexNo(DEFAULT_INDEX_PATTERN, parts)).toBe('11441700007280420Y/2021-00050');
    expect(formatIndexNo('{code}/{year}-{serial:5}', parts)).toBe('11441700007280420Y/2021-00050');
    expect(formatIndexNo('<YYYY>-<NNN>', { ...parts, serial: 7 })).toBe('2021-007');
    expect(formatIndexNo('{year}/{serial}', parts)).toBe('2021/00050');
  });

  it('needs the year and exactly one serial', () => {
    expect(isValidIndexPattern(DEFAULT_INDEX_PATTERN)).toBe(true);
    expect(isValidIndexPattern('<统一社会信用代码>/<NNNNN>')).toBe(false);
    expect(isValidIndexPattern('<YYYY>-<NNNNN>-<NNNNN>')).toBe(false);
    expect(isValidIndexPattern('<YYYY>-<NN>')).toBe(false);
  });
});
