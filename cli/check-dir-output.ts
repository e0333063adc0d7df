/**
 * What `check-dir` prints: a table with one row per report (file, organ, year, cells read, errors,
 * warnings, notes), the same rows as an HTML page with each report's findings behind a click, or JSON.
 */
import { ACROSS_THRESHOLDS, ACROSS_THRESHOLD_MEANINGS, type AcrossThresholds } from '../shared/checks';
import { CELL_ADDRESSES } from '../shared/format';
import { escapeHtml, inferredCells } from '../shared/render';
import type { Finding } from '../shared/report/schema';
import { count, type DirReport } from './check-dir';
import { LEVEL_NAMES } from './summary';

const UNKNOWN_ORGAN_TEXT = '（机关名称无法识别）';

const organText = (r: DirReport): string => (r.unreadable !== undefined ? '—' : (r.organ ?? UNKNOWN_ORGAN_TEXT));
const yearText = (r: DirReport): string => (r.year === null ? '—' : String(r.year));
const cellsText = (r: DirReport): string => {
  if (r.cellsRead === null) return '—';
  const inferred = inferredCells(r.findings).size;
  return `${r.cellsRead}/${CELL_ADDRESSES.length}${inferred > 0 ? `（推算 ${inferred}）` : ''}`;
};

/** Columns as wide on a terminal as they print: a CJK character takes two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (text: string, to: number): string => text + ' '.repeat(Math.max(0, to - width(text)));

/** The summary under the table and atop the page. */
export function dirSummary(rows: readonly DirReport[]): string {
  const read = rows.filter((r) => r.unreadable === undefined);
  const organs = new Set(read.filter((r) => r.key !== '').map((r) => r.key)).size;
  const years = [...new Set(read.map((r) => r.year ?? 0))].sort((a, b) => a - b);
  const span = years.length === 0 ? '' : `，${years[0]}${years.length > 1 ? `–${years[years.length - 1]}` : ''} 年`;
  const total = (level: Finding['level']) => rows.reduce((n, r) => n + count(r, level), 0);
  const unknown = read.filter((r) => r.key === '').length;
  return (
    `共 ${rows.length} 个文件，${organs} 个机关${span}；错误 ${total('error')}，提示 ${total('warning')}，说明 ${total('info')}` +
    (unknown > 0 ? `；${unknown} 份机关名称无法识别` : '') +
    (rows.length > read.length ? `；${rows.length - read.length} 份无法读取` : '')
  );
}

export function dirTable(rows: readonly DirReport[]): string {
  const head = ['文件', '机关', '年度', '读出单元格', '错误', '提示', '说明'];
  const body = rows.map((r) => [
    r.file,
    organText(r),
    yearText(r),
    cellsText(r),
    ...(r.unreadable !== undefined
      ? [`无法读取：${r.unreadable}`]
      : [String(count(r, 'error')), String(count(r, 'warning')), String(count(r, 'info'))]),
  ]);
  // The last cell of a row is not padded (an unreadable file's reason is its fifth).
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => (i < b.length - 1 ? width(b[i] ?? '') : 0))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...body.map(line), '', dirSummary(rows)].join('\n') + '\n';
}

/** The --json array: one object per report, the findings as `check --json` prints them. */
export function dirJson(rows: readonly DirReport[]): string {
  const out = rows.map((r) => ({
    file: r.file,
    organ: r.organ,
    year: r.year,
    findings: r.findings,
    ...(r.unreadable !== undefined ? { unreadable: r.unreadable } : {}),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

const STYLE = `body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1f2329}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dee0e3;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f6f7}td.n{text-align:right;font-variant-numeric:tabular-nums}.error{color:#c62828}.warning{color:#a15c00}
.info{color:#555}summary{cursor:pointer}details ul{margin:.3rem 0;padding-left:1.2rem}.unread{color:#c62828}
caption{text-align:left;margin-bottom:.6rem}dl{font-size:.85rem;color:#555}dt{font-weight:600}`;

function findingsCell(r: DirReport): string {
  if (r.unreadable !== undefined) return `<span class="unread">无法读取：${escapeHtml(r.unreadable)}</span>`;
  if (r.findings.length === 0) return '无';
  const items = r.findings
    .map(
      (f) =>
        `<li class="${f.level}">[${LEVEL_NAMES[f.level]}] ${escapeHtml(f.message)}` +
        ` <small>(${f.check}${f.cells.length ? ` ${escapeHtml(f.cells.join(', '))}` : ''})</small></li>`,
    )
    .join('');
  return `<details><summary>${r.findings.length} 条</summary><ul>${items}</ul></details>`;
}

/** A page for a browser: one row per report, its findings behind a click, the notes' thresholds below. */
export function dirHtml(
  rows: readonly DirReport[],
  folder: string,
  thresholds: Partial<AcrossThresholds> = {},
): string {
  const used: AcrossThresholds = { ...ACROSS_THRESHOLDS, ...thresholds };
  const body = rows
    .map((r) => {
      const n = (level: Finding['level']) =>
        `<td class="n ${count(r, level) > 0 ? level : ''}">${r.unreadable !== undefined ? '—' : count(r, level)}</td>`;
      return (
        `<tr><td>${escapeHtml(r.file)}</td><td>${escapeHtml(organText(r))}</td><td>${yearText(r)}</td>` +
        `<td class="n">${cellsText(r)}</td>${n('error')}${n('warning')}${n('info')}<td>${findingsCell(r)}</td></tr>`
      );
    })
    .join('\n');
  const legend = Object.entries(ACROSS_THRESHOLD_MEANINGS)
    .map(([k, meaning]) => `<dt>${k} = ${used[k as keyof AcrossThresholds]}</dt><dd>${escapeHtml(meaning)}</dd>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>年度报告核对：${escapeHtml(folder)}</title><style>${STYLE}</style></head>
<body><h1>政府信息公开工作年度报告核对</h1>
<table><caption>${escapeHtml(folder)}：${escapeHtml(dirSummary(rows))}</caption>
<thead><tr><th>文件</th><th>机关</th><th>年度</th><th>读出单元格</th><th>错误</th><th>提示</th><th>说明</th><th>发现</th></tr></thead>
<tbody>
${body}
</tbody></table>
<h2>“说明”的提示阈值</h2><dl>${legend}</dl>
</body></html>
`;
}
