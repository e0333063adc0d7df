import { parseOrganCalendar } from '../../../shared/calendar';

function messages(input: unknown): string[] {
  const r = parseOrganCalendar(input);
  return r.ok ? [] : (r.fieldErrors ?? []).map((f) => f.message);
}

describe('organ calendar schema', () => {
  it('accepts a well-formed table', () => {
    const r = parseOrganCalendar({ years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } });
    expect(r).toEqual({ ok: true, data: { years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } } });
  });

  it.each([
    [
      'invalid date',
      { years: { '2027': { holidays: ['2027-02-29'], workdays: [] } } },
      '放假日期须为 YYYY-MM-DD 格式的有效日期',
    ],
    [
      'date of another year',
      { years: { '2027': { holidays: ['2027-01-01'], workdays: ['2026-12-26'] } } },
      '调休上班日期 2026-12-26 不属于 2027 年',
    ],
    [
      'both lists',
      { years: { '2027': { holidays: ['2027-01-01'], workdays: ['2027-01-01'] } } },
      '2027-01-01 同时填为放假日期和调休上班日期',
    ],
    [
      'duplicate',
      { years: { '2027': { holidays: ['2027-01-01', '2027-01-01'], workdays: [] } } },
      '2027-01-01 放假日期中重复填写',
    ],
    [
      'empty holidays',
      { years: { '2027': { holidays: [], workdays: [] } } },
      '放假日期至少填写一天：每年都有法定节假日',
    ],
    ['bad year key', { years: { '27': { holidays: ['2027-01-01'], workdays: [] } } }, '年份须为四位数字，如 2027'],
    [
      'workdays not a list',
      { years: { '2027': { holidays: ['2027-01-01'], workdays: '2027-02-06' } } },
      '调休上班日期须为日期列表',
    ],
    ['date not text', { years: { '2027': { holidays: [20270101], workdays: [] } } }, '放假日期须为文本日期'],
  ])('%s', (_label, input, message) => {
    expect(messages(input).join('\n')).toContain(message);
  });

  it('rejects unknown fields and a missing years object', () => {
    expect(
      messages({ years: { '2027': { holidays: ['2027-01-01'], workdays: [], note: 'x' } } }).length,
    ).toBeGreaterThan(0);
    expect(messages({})).toEqual([expect.stringContaining('年度日历须为按年份填写的对象')]);
  });

  it('puts the first error in a Chinese summary', () => {
    const r = parseOrganCalendar({ years: { '2027': { holidays: ['2027-13-01', 'x'], workdays: [] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('VALIDATION');
      expect(r.message).toMatch(/^输入有误：放假日期.*（另有 1 处错误）$/);
    }
  });
});
