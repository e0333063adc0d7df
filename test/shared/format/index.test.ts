import raw from '../../../shared/format/annual-report-2021.json';
import {
  APPLICANT_TYPES,
  CASE_KINDS,
  CELL_ADDRESSES,
  CHECK_IDS,
  FORMAT_2021,
  OUTCOME_ROWS,
  SECTION_KEYS,
  checkDef,
  getFormat,
  sectionDef,
} from '../../../shared/format';

describe('format 2021', () => {
  it('has exactly 200 cells, each addressed once', () => {
    expect(CELL_ADDRESSES).toHaveLength(200);
    expect(new Set(CELL_ADDRESSES).size).toBe(200);
    expect(CELL_ADDRESSES).toContain('applications.newReceived.natural');
    expect(CELL_ADDRESSES).toContain('proactive.fees.amountWanYuan');
    expect(CELL_ADDRESSES).toContain('reviewLitigation.suitAfterReview.total');
  });

  it('key unions in code match the data file', () => {
    expect([...OUTCOME_ROWS]).toEqual(raw.outcomeRows);
    expect([...SECTION_KEYS]).toEqual(raw.sections.map((s) => s.key));
    expect([...CHECK_IDS].sort()).toEqual(raw.checks.map((c) => c.id).sort());
    expect([...APPLICANT_TYPES, 'total']).toEqual(raw.tables.applications.columns.map((c) => c.key));
    expect([...CASE_KINDS]).toEqual(raw.tables.reviewLitigation.rows.map((r) => r.key));
  });

  it('knows its cells by address, with labels and the one decimal cell', () => {
    const fee = FORMAT_2021.cellByAddress.get('proactive.fees.amountWanYuan');
    expect(fee?.decimal).toBe(true);
    expect(FORMAT_2021.cells.filter((c) => c.decimal)).toHaveLength(1);
    expect(FORMAT_2021.cellByAddress.get('proactive.rules.repealed')?.columnLabel).toBe('本年废止件数');
  });

  it('looks up sections, checks and versions, refusing unknown ones', () => {
    expect(sectionDef('problems').no).toBe('五');
    expect(checkDef('balance').level).toBe('error');
    expect(getFormat('2021')).toBe(FORMAT_2021);
    expect(() => getFormat('1999')).toThrow('unknown report format version');
  });
});
