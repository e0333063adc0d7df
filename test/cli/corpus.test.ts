/**
 * The corpus of real published reports (test/fixtures/corpus): every fixture names its source, its expected
 * cells hold the format's equations, and the importer reads it with no wrong number, every published
 * inconsistency found and no false error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { brokenEquations, expectedCells, loadCorpus, scoreCorpus, scoreTable, type Score } from '../../cli/corpus';
import { run } from '../../cli/report';

const corpus = loadCorpus();
let scores: Score[] = [];

beforeAll(async () => {
  scores = await scoreCorpus(corpus);
}, 120_000);

describe('the corpus fixtures', () => {
  it('has 30 or more real reports of several provinces, levels and years', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((e) => e.meta.province)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(corpus.map((e) => e.meta.level))).toEqual(
      new Set(['township', 'subdistrict', 'county', 'department', 'city', 'provincial']),
    );
    expect([...new Set(corpus.map((e) => e.expected.year))].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it.each(corpus.map((e) => [e.id, e] as const))('%s names its source and its input exists', (_id, e) => {
    expect(existsSync(path.join(e.dir, e.meta.input))).toBe(true);
    const s = e.meta.source;
    expect(Boolean(s.url) || Boolean(s.repository && s.path && s.commit)).toBe(true);
    expect(e.meta.year).toBe(e.expected.year);
  });

  it.each(corpus.map((e) => [e.id, e] as const))(
    '%s: the typed cells hold the format’s equations, unless a published inconsistency is expected',
    (_id, e) => {
      const expectedChecks = new Set(e.expected.findings.map((f) => f.check));
      const broken = brokenEquations(e.expected).filter((b) => !expectedChecks.has(b.split(' ')[0] ?? ''));
      expect(broken).toEqual([]);
    },
  );

  it('finds a broken equation in typed cells (the checker can fail)', () => {
    const e = corpus.find((x) => x.id === 'huaian-city-2024');
    if (!e) throw new Error('huaian-city-2024 missing');
    const typo = {
      ...e.expected,
      cells: {
        ...e.expected.cells,
        reviewLitigation: ['review 72 64 178 37 350', 'directSuit 13 4 8 1 26', 'suitAfterReview 12 1 1 6 20'],
      },
    };
    expect(brokenEquations(typo)).toEqual(['reviewTotal review: 350 ≠ 351']);
    expect(expectedCells(e.expected).size).toBe(200);
  });
});

describe('the importer on the corpus', () => {
  it('gives every stated cell exactly or as null: zero wrong numbers', () => {
    expect(scores.flatMap((s) => s.wrongCells.map((w) => `${s.id} ${w}`))).toEqual([]);
  });

  it('raises no false error and finds every published inconsistency', () => {
    expect(scores.flatMap((s) => s.falseErrors.map((f) => `${s.id} ${f}`))).toEqual([]);
    expect(scores.flatMap((s) => s.findings.missed.map((f) => `${s.id} ${f}`))).toEqual([]);
  });

  it('reads the published PDF (淮安市 2024) cell for cell, and its approximate 主动公开 figure flagged', () => {
    const s = scores.find((x) => x.id === 'huaian-city-2024');
    expect(s?.cells).toMatchObject({ exact: 200, null: 0, wrong: 0 });
    expect(s?.narrative.missed).toEqual([]);
  });

  it('refuses no report as a whole and reads every organ the source names', () => {
    expect(scores.filter((s) => s.refused).map((s) => s.id)).toEqual([]);
    expect(scores.filter((s) => s.organ.expected && s.organ.expected !== s.organ.actual).map((s) => s.id)).toEqual([]);
  });

  it('prints the score table with `report corpus`', async () => {
    const out = await run(['corpus'], process.cwd());
    expect(out.stdout).toBe(scoreTable(scores, corpus));
    expect(out.stdout).toMatch(/\| cells wrong +\| 0 \|/);
    expect(out.exitCode).toBe(0);
  });
});
