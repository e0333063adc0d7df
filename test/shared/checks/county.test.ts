/**
 * The checks on generated counties straight from their data (no files): over several seeds, the planted
 * errors are found on their reports and nothing else is an error, a warning or a note — the generator holds
 * every equation and carry-over, and the checks raise nothing on a county that is in order.
 */
import { checkAcrossReports, checkReport, groupOrganNames } from '../../../shared/checks';
import { generateCounty } from '../../cli/county';

describe('checks across a generated county', () => {
  it.each([1, 2, 3, 42, 20261206])('seed %i: the planted findings and nothing else', (seed) => {
    const county = generateCounty(seed);
    const keys = groupOrganNames(county.files.map((f) => f.report.organ));
    expect(new Set(keys).size).toBe(30);
    const across = checkAcrossReports(
      county.files.map((f, i) => ({ organ: keys[i] ?? '', year: f.year, report: f.report })),
    );
    const found = county.files
      .flatMap((f, i) =>
        [...checkReport(f.report), ...(across[i]?.findings ?? [])].map((x) => `${f.file} ${x.level} ${x.check}`),
      )
      .sort();
    const planted = county.planted
      .flatMap((p) => Array.from({ length: p.count }, () => `${p.file} ${p.level} ${p.check}`))
      .sort();
    expect(found).toEqual(planted);
  });
});
