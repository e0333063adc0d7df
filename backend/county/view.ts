/**
 * What the county reads: the dashboard (one line per organ under it for a year, from the organs and the rows kept
 * in the database, with the notes among peers counted from the year's reports — three bounded queries, whatever the
 * organs' records) and one organ's report with its findings (its notes among peers included, the same as the
 * dashboard counts), its published versions and the county's returns. Reports, findings and counts only: never an
 * applicant's data.
 */
import type { CountyDashboard, CountyReportView } from '../../shared/api/county';
import { peerNotes, type OrganReport } from '../../shared/checks';
import { COUNTY_STATE_ORDER, COUNTY_STATES, type CountyState } from '../../shared/county/status';
import type { Finding } from '../../shared/report';
import type { HandlerContext } from '../runtime';
import { publishedVersions } from '../reports/store';
import { shanghaiDate } from '../time';
import {
  COUNTY_ORGAN_LIMIT,
  countyDueDate,
  findRow,
  organsUnder,
  rowsOfCounty,
  rowView,
  versionOf,
  type StoredCountyRow,
} from './rows';
import { countyScope, organUnder } from './scope';
import { COLLECTIONS } from '../collections';
import { reportDataSchema } from '../../shared/report';
import { rows as rowsOf } from '../sdk';

/** The report due now: last year's (Asia/Shanghai). */
function defaultYear(now: Date): number {
  return Number(shanghaiDate(now).slice(0, 4)) - 1;
}

export async function dashboard(input: { year?: number | undefined }, ctx: HandlerContext): Promise<CountyDashboard> {
  const { county } = await countyScope(ctx, ctx.db);
  const year = input.year ?? defaultYear(ctx.now);
  const dueDate = countyDueDate(county, year);
  const [organs, rows, reports] = await Promise.all([
    organsUnder(ctx.db, county._id),
    rowsOfCounty(ctx.db, county._id, year),
    reportsOfYear(ctx, county._id, year),
  ]);
  const byOrgan = new Map(rows.map((r) => [r.organId, r]));
  const peer = peerNotesOf(reports);
  const lines = organs
    .map((o) => {
      const row = byOrgan.get(o._id) ?? null;
      const line = rowView(row, o, year, dueDate, ctx.now);
      // The notes among peers the report page adds to the row's own findings (a report the county holds).
      // (The rows here are read without their reports: `peer` has an organ only where its row holds one.)
      const notes = row && HELD.includes(row.state) ? (peer.get(o._id)?.length ?? 0) : 0;
      return { ...line, notes: line.notes + notes };
    })
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

const isHeld = (row: StoredCountyRow): boolean => HELD.includes(row.state) && Boolean(row.report);

/** The reports kept in the county's rows of a year (one bounded query), as the checks across reports take them. */
async function reportsOfYear(ctx: HandlerContext, countyId: string, year: number): Promise<OrganReport[]> {
  const found = await ctx.db
    .collection(COLLECTIONS.countyReports)
    .where({ countyId, year })
    .field({ organId: true, report: true })
    .limit(COUNTY_ORGAN_LIMIT)
    .get();
  return rowsOf(found).flatMap((r) => {
    const parsed = reportDataSchema.safeParse(r.report);
    return parsed.success ? [{ organ: String(r.organId), year, report: parsed.data }] : [];
  });
}

/**
 * Notes among peers (shared/checks peerNotes: requests far beyond the peers' median, the share of 其他处理, a stated
 * zero 主动公开) for each organ's report against the other reports of the same year under the county, by organ id.
 * The same organ's other years are already compared in the row's own findings (checkReport with last year).
 */
function peerNotesOf(reports: readonly OrganReport[]): Map<string, Finding[]> {
  return new Map(peerNotes(reports).map((r) => [r.organ, r.findings]));
}

export async function report(input: { organId: string; year: number }, ctx: HandlerContext): Promise<CountyReportView> {
  const { county } = await countyScope(ctx, ctx.db);
  const organ = await organUnder(ctx.db, county, input.organId);
  const [row, versions] = await Promise.all([
    findRow(ctx.db, organ._id, input.year),
    publishedVersions(ctx.db, organ._id, input.year),
  ]);
  const held = row !== null && isHeld(row) ? row : null;
  const notes = held ? (peerNotesOf(await reportsOfYear(ctx, county._id, input.year)).get(held.organId) ?? []) : [];
  return {
    row: rowView(row, organ, input.year, countyDueDate(county, input.year), ctx.now),
    report: held?.report ?? null,
    findings: held ? [...(held.findings ?? []), ...notes] : [],
    // The versions published on the product, or those pasted in by the county for an organ not on it.
    versions: versions.length > 0 ? versions.map(versionOf) : (row?.versions ?? []),
    returns: row?.returns ?? [],
  };
}
