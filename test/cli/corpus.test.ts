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
      new Set(['township', 'subdistrict', 'county', 'department', 'provincial']),
    );
    expect([...new Set(corpus.map((e) => e.expected.year))].sort()).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    // Reports on 2020 are printed in the 2019 format.
    expect(corpus.filter((e) => e.expected.year <= 2020).every((e) => e.expected.formatVersion === '2019')).toBe(true);
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
    const e = corpus.find((x) => x.id === 'xjnlk-town-2023');
    if (!e) throw new Error('xjnlk-town-2023 missing');
    expect(expectedCells(e.expected).size).toBe(73);
    expect(brokenEquations(e.expected)).toEqual([]);
    const typo = {
      ...e.expected,
      cells: {
        ...e.expected.cells,
        applications: (e.expected.cells.applications ?? []).map((l) =>
          l.startsWith('disclosed ') ? 'disclosed 0 2 0 0 0 0 0' : l,
        ),
      },
    };
    expect(brokenEquations(typo)).toEqual(['applicantTotal disclosed: 0 ≠ 2']);
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

  it('reads each report in the format it is printed in (2019 or 2021)', () => {
    expect(scores.filter((s) => s.format.expected !== s.format.actual).map((s) => s.id)).toEqual([]);
    expect(scores.filter((s) => s.format.actual === '2019').length).toBeGreaterThanOrEqual(2);
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
