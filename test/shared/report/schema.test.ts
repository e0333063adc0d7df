import { parseWith } from '../../../shared/errors';
import { emptyCells, emptySections, reportDataSchema } from '../../../shared/report';

const valid = () => ({
  organ: '扎毛乡',
  year: 2023,
  formatVersion: '2021',
  cells: emptyCells(0),
  sections: emptySections(),
});

describe('reportDataSchema', () => {
  it('accepts a report with all 200 cells, null meaning unreadable, and fills defaults', () => {
    const cells = { ...emptyCells(0), 'applications.disclosed.natural': null, 'proactive.fees.amountWanYuan': 1.25 };
    const r = parseWith(reportDataSchema, { ...valid(), cells });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.findings).toEqual([]);
      expect(r.data.narrative.proactiveCount).toBeNull();
    }
  });

  it.each([
    ['an unknown address', { 'applications.newReceived.martian': 1 }, 'cells', 'applications.newReceived.martian'],
    [
      'a negative number',
      { 'applications.newReceived.natural': -1 },
      'cells.applications.newReceived.natural',
      '不能小于 0',
    ],
    ['a fraction outside the fee cell', { 'proactive.rules.issued': 0.5 }, 'cells.proactive.rules.issued', '整数'],
    ['a negative fee', { 'proactive.fees.amountWanYuan': -0.1 }, 'cells.proactive.fees.amountWanYuan', '不能小于 0'],
  ])('rejects %s: the field in fieldErrors, why in Chinese', (_name, patch, path, why) => {
    const r = parseWith(reportDataSchema, { ...valid(), cells: { ...emptyCells(0), ...patch } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('VALIDATION');
      expect(r.fieldErrors?.[0]?.path).toBe(path);
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.message).toContain(why);
    }
  });

  it('rejects a missing cell, a wrong format version and an empty organ', () => {
    const cells = emptyCells(0);
    delete cells['reviewLitigation.review.total'];
    const r = parseWith(reportDataSchema, { ...valid(), cells, formatVersion: '2018', organ: ' ' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors?.map((e) => e.path).sort()).toEqual([
        'cells.reviewLitigation.review.total',
        'formatVersion',
        'organ',
      ]);
      expect(r.message).toContain('另有 2 处错误');
    }
  });
});
