/**
 * Benchmarks of the pure core (`npm run bench`): how long a clerk waits for an import, a build and the checks.
 * Prints a Markdown table; numbers are medians over repeated runs on this machine, not assertions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkReport } from '../shared/checks';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../shared/format';
import { importReportText } from '../shared/import';
import type { RequestRecord, StatEntry } from '../shared/records';
import { renderHtml } from '../shared/render';
import { buildReport } from '../shared/report';

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(runs: number, fn: () => unknown): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** A deterministic pseudo-random sequence, so runs compare. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function requests(n: number): RequestRecord[] {
  const rnd = lcg(42);
  const day = (y: number) =>
    `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  return Array.from({ length: n }, (_, i) => {
    const received = day(2025);
    const answered = rnd() < 0.9 ? (received < '2025-12-01' ? day(2025) : '2026-01-10') : null;
    const ok = answered !== null && answered >= received;
    return {
      id: `r${i}`,
      applicantType: APPLICANT_TYPES[Math.floor(rnd() * APPLICANT_TYPES.length)] ?? 'natural',
      receivedDate: received,
      outcome: ok ? (OUTCOME_ROWS[Math.floor(rnd() * OUTCOME_ROWS.length)] ?? 'disclosed') : null,
      answeredDate: ok ? answered : null,
    };
  });
}

export function runCoreBench(): string[] {
  const rows: string[] = [];
  const dir = path.resolve(__dirname, '../test/fixtures/reports');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const seed = readFileSync(path.resolve(__dirname, '../server/seed/zhamao-2023-report.txt'), 'utf8');
  rows.push(`| import the seed report (text) | ${time(30, () => importReportText(seed)).toFixed(1)} ms |`);
  rows.push(
    `| import ${texts.length} fixture reports, each | ${(time(10, () => texts.forEach((t) => importReportText(t))) / texts.length).toFixed(1)} ms |`,
  );
  const report = importReportText(seed);
  rows.push(`| run every check on a report | ${time(50, () => checkReport(report)).toFixed(2)} ms |`);
  rows.push(`| render a report as HTML | ${time(50, () => renderHtml(report)).toFixed(2)} ms |`);
  for (const n of [500, 10_000, 100_000]) {
    const recs = requests(n);
    const entries: StatEntry[] = Array.from({ length: Math.min(n, 5000) }, (_, i) => ({
      kind: 'count',
      id: `e${i}`,
      metric: 'licensing.decisions',
      date: '2025-03-01',
      count: 1,
    }));
    const ms = time(n > 10_000 ? 3 : 10, () =>
      buildReport(2025, { organ: '基准镇', requests: recs, statEntries: entries, cases: [], items: [] }),
    );
    rows.push(
      `| buildReport from ${n.toLocaleString('en')} requests (+ ${entries.length} statistics entries) | ${ms.toFixed(1)} ms |`,
    );
  }
  return rows;
}
