/**
 * What the county reads: the dashboard (one line per organ under it for a year, from the organs and the rows kept
 * in the database — two bounded queries, whatever the organs' records) and one organ's report with its findings,
 * its published versions and the county's returns. Reports, findings and counts only: never an applicant's data.
 */
import type { CountyDashboard, CountyReportView } from '../../shared/api/county';
import { checkAcrossReports } from '../../shared/checks';
import { COUNTY_STATE_ORDER, COUNTY_STATES, type CountyState } from '../../shared/county/status';
import type { Finding } from '../../shared/report';
import type { HandlerContext } from '../runtime';
import { publishedVersions } from '../reports/store';
import { shanghaiDate } from '../time';
import { countyDueDate, findRow, organsUnder, rowsOfCounty, rowView, versionOf, type StoredCountyRow } from './rows';
import { countyScope, organUnder } from './scope';
import { COLLECTIONS } from '../collections';
import { reportDataSchema } from '../../shared/report';
import { rows as rowsOf } from '../sdk';

/** The report due now: last year's (Asia/Shanghai). */
export function defaultYear(now: Date): number {
  return Number(shanghaiDate(now).slice(0, 4)) - 1;
}

export async function dashboard(input: { year?: number | undefined }, ctx: HandlerContext): Promise<CountyDashboard> {
  const { county } = await countyScope(ctx, ctx.db);
  const year = input.year ?? defaultYear(ctx.now);
  const dueDate = countyDueDate(county, year);
  const [organs, rows] = await Promise.all([organsUnder(ctx.db, county._id), rowsOfCounty(ctx.db, county._id, year)]);
  const byOrgan = new Map(rows.map((r) => [r.organId, r]));
  const lines = organs
    .map((o) => rowView(byOrgan.get(o._id) ?? null, o, year, dueDate, ctx.now))
    // What needs the county first, the late ones first within a state, then by name.
    .sort(
      (a, b) =>
        COUNTY_STATE_ORDER[a.state] - COUNTY_STATE_ORDER[b.state] ||
        Number(b.overdue) - Number(a.overdue) ||
        a.organ.localeCompare(b.organ, 'zh-Hans-CN'),
    );
  const counts = Object.fromEntries(COUNTY_STATES.map((s) => [s, 0])) as Record<CountyState, number>;
  for (const l of lines) counts[l.state] += 1;
  return {
    county: { id: county._id, name: county.name },
    year,
    dueDate,
    totals: { ...counts, overdue: lines.filter((l) => l.overdue).length, organs: lines.length },
    organs: lines,
  };
}

/** The states in which the county holds the report as it reached it. */
const HELD: readonly CountyState[] = ['submitted', 'returned', 'published'];

/**
 * Notes among peers (shared/checks checkAcrossReports: requests far beyond the peers' median, the share of 其他处理,
 * a stated zero 主动公开) for this organ's report against the reports of the same year under the county.
 */
async function peerNotes(ctx: HandlerContext, row: StoredCountyRow): Promise<Finding[]> {
  const peers = rowsOf(
    await ctx.db
      .collection(COLLECTIONS.countyReports)
      .where({ countyId: row.countyId, year: row.year })
      .field({ organId: true, report: true })
      .limit(500)
      .get(),
  ).flatMap((r) => {
    const parsed = reportDataSchema.safeParse(r.report);
    return parsed.success && r.organId !== row.organId
      ? [{ organ: String(r.organId), year: row.year, report: parsed.data }]
      : [];
  });
  if (!row.report) return [];
  const own = { organ: row.organId, year: row.year, report: row.report };
  const [mine] = checkAcrossReports([own, ...peers]);
  // The same organ's other years are already compared in the row's own findings (checkReport with last year).
  return (mine?.findings ?? []).filter((f) => f.level === 'info' && f.check !== 'problemsSimilar');
}

export async function report(input: { organId: string; year: number }, ctx: HandlerContext): Promise<CountyReportView> {
  const { county } = await countyScope(ctx, ctx.db);
  const organ = await organUnder(ctx.db, county, input.organId);
  const [row, versions] = await Promise.all([
    findRow(ctx.db, organ._id, input.year),
    publishedVersions(ctx.db, organ._id, input.year),
  ]);
  const held = row !== null && HELD.includes(row.state) && row.report ? row : null;
  const notes = held ? await peerNotes(ctx, held) : [];
  return {
    row: rowView(row, organ, input.year, countyDueDate(county, input.year), ctx.now),
    report: held?.report ?? null,
    findings: held ? [...(held.findings ?? []), ...notes] : [],
    // The versions published on the product, or those pasted in by the county for an organ not on it.
    versions: versions.length > 0 ? versions.map(versionOf) : (row?.versions ?? []),
    returns: row?.returns ?? [],
  };
}
