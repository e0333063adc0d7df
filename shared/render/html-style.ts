/**
 * Stylesheet of the HTML report, scoped under `.gk-report` so a host page can embed the fragment and
 * this CSS without clashes. Screen first (375 px phones: 16 px text, tables scroll sideways under
 * row labels that stay in view), then A4 print (pt sizes, fixed column widths, rows kept whole).
 *
 * Borders are drawn per cell (right and bottom) with `border-collapse: separate`, because collapsed
 * borders do not move with sticky cells.
 */

/** Screen width of one group label column (三、本年度办理结果, （三）不予公开); sticky offsets are multiples. */
const GROUP_PX = 40;
/**
 * On a phone (≤ 640 px) the label columns together stay within 40% of a 375 px screen (150 px): two group columns
 * of 28 px (their short labels stack a character a line) and the row label's 90 px, so four value columns show.
 */
const PHONE_GROUP_PX = 28;
const PHONE_LABEL_PX = 90;

export const REPORT_CSS = `
.gk-report {
  --gk-ink: #1f2328; --gk-muted: #57606a; --gk-line: #b9c0c8; --gk-head: #eef1f5; --gk-label: #f8f9fb;
  --gk-accent: #0b4a9e; --gk-accent-bg: #e3edfb; --gk-null: #a34a00; --gk-null-bg: #fff1dc;
  box-sizing: border-box; max-width: 60rem; margin: 0 auto; padding: 16px 16px 32px;
  color: var(--gk-ink); background: #fff;
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-size: 16px; line-height: 1.8; -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
.gk-report *, .gk-report *::before, .gk-report *::after { box-sizing: inherit; }
.gk-report .gk-title { font-size: 22px; line-height: 1.5; text-align: center; margin: 8px 0 20px; }
.gk-report .gk-section { margin: 0 0 24px; }
.gk-report h2 { font-size: 18px; line-height: 1.5; margin: 24px 0 8px; }
.gk-report h3 { font-size: 16px; line-height: 1.6; margin: 16px 0 4px; }
.gk-report p { margin: 0 0 10px; text-indent: 2em; overflow-wrap: anywhere; }
.gk-report .gk-legend { font-size: 14px; color: #57606a; text-indent: 0; }

.gk-report .gk-table-wrap {
  overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 12px 0 8px; padding: 0 0 4px;
}
.gk-report .gk-table {
  border-collapse: separate; border-spacing: 0; min-width: 100%;
  border-top: 1px solid var(--gk-line); border-left: 1px solid var(--gk-line);
  font-size: 14px; line-height: 1.45; font-variant-numeric: tabular-nums;
}
.gk-report .gk-table th, .gk-report .gk-table td {
  border: 0; border-right: 1px solid var(--gk-line); border-bottom: 1px solid var(--gk-line);
  padding: 6px; vertical-align: middle; text-align: center;
}
.gk-report .gk-table th { background: var(--gk-head); font-weight: 600; }
.gk-report .gk-table th.gk-caption { text-align: left; background: #dfe5ec; padding-left: 10px; }
.gk-report .gk-table th.gk-note { font-weight: normal; font-size: 12px; line-height: 1.4; color: #57606a; }
.gk-report .gk-table th.gk-column-label { min-width: 3.4em; }
.gk-report .gk-table th.gk-row-label {
  text-align: left; font-weight: normal; background: var(--gk-label); min-width: 8em;
}
.gk-report .gk-table th.gk-row-label.gk-group {
  width: ${GROUP_PX}px; min-width: ${GROUP_PX}px; max-width: ${GROUP_PX}px; text-align: center; padding: 6px 4px;
}
.gk-report .gk-table th.gk-row-label, .gk-report .gk-table th.gk-corner { position: sticky; z-index: 1; }
/* Offsets count the table's 1px left border; lc0 redraws that border once the table scrolls under it. */
.gk-report .gk-table .gk-lc0 { left: 1px; box-shadow: -1px 0 0 var(--gk-line); }
.gk-report .gk-table .gk-lc1 { left: ${1 + GROUP_PX}px; }
.gk-report .gk-table .gk-lc2 { left: ${1 + 2 * GROUP_PX}px; }
.gk-report .gk-table .gk-lc3 { left: ${1 + 3 * GROUP_PX}px; }
.gk-report .gk-table td.gk-value { min-width: 3.4em; white-space: nowrap; font-size: 15px; }
.gk-report .gk-table td.gk-zero { color: var(--gk-muted); }
.gk-report .gk-table td.gk-nonzero { color: var(--gk-accent); background: var(--gk-accent-bg); font-weight: 700; }
.gk-report .gk-table td.gk-null {
  color: var(--gk-null); font-weight: 700;
  background: repeating-linear-gradient(135deg, var(--gk-null-bg) 0 6px, #ffe2b8 6px 12px);
}
.gk-report .gk-table tr { break-inside: avoid; page-break-inside: avoid; }
/*
 * Wider than a phone the group row labels (三、本年度办理结果, （三）不予公开) take the width they need on one line
 * rather than two characters a line, so the label columns are no longer fixed widths to stick at.
 */
@media screen and (min-width: 641px) {
  .gk-report .gk-table th.gk-row-label.gk-group { width: auto; max-width: none; white-space: nowrap; padding: 6px; }
  .gk-report .gk-table th.gk-row-label, .gk-report .gk-table th.gk-corner { position: static; box-shadow: none; }
  /* A long row label wraps after its punctuation (不补正、|行政机关…), not inside 信息. */
  .gk-report .gk-table th.gk-row-label { word-break: keep-all; }
}
/* Column headers break only between words (never 自然/人, 商业企/业, 结果维/持). */
.gk-report .gk-table th.gk-column-label, .gk-report .gk-table th.gk-caption { word-break: keep-all; }
/*
 * On a phone: a wide group header (申请人情况, 行政诉讼) centred over its span starts off-screen, so it starts left;
 * the label columns stay within 40% of the screen; the table scrolls in its own box both ways, with the header rows
 * kept on top (sticky thead) and the labels on the left, so 总计 still shows under 申请人情况 and 法人或其他组织.
 */
@media screen and (max-width: 640px) {
  .gk-report .gk-table th.gk-column-label.gk-group { text-align: left; padding-left: 10px; }
  .gk-report .gk-table .gk-group-text { display: inline-block; position: sticky; left: 10px; }
  .gk-report .gk-table-applications .gk-group-text { left: ${2 + 2 * PHONE_GROUP_PX + PHONE_LABEL_PX + 8}px; }
  .gk-report .gk-table-wrap { max-height: 80vh; overflow: auto; overscroll-behavior: contain; }
  .gk-report .gk-table thead { position: sticky; top: 0; z-index: 2; }
  .gk-report .gk-table { font-size: 13px; }
  .gk-report .gk-table th.gk-row-label {
    width: ${PHONE_LABEL_PX}px; min-width: ${PHONE_LABEL_PX}px; max-width: ${PHONE_LABEL_PX}px; padding: 4px;
    overflow-wrap: anywhere;
  }
  .gk-report .gk-table th.gk-row-label.gk-group {
    width: ${PHONE_GROUP_PX}px; min-width: ${PHONE_GROUP_PX}px; max-width: ${PHONE_GROUP_PX}px; padding: 4px 2px;
  }
  .gk-report .gk-table th.gk-row-label[colspan] {
    max-width: none;
  }
  .gk-report .gk-table th.gk-note { font-size: 11px; padding: 4px; }
  /* Narrow value columns show more of them; a phone may wrap 法律服务/机构. */
  .gk-report .gk-table th.gk-column-label { word-break: normal; min-width: 3em; padding: 4px; }
  .gk-report .gk-table .gk-lc1 { left: ${1 + PHONE_GROUP_PX}px; }
  .gk-report .gk-table .gk-lc2 { left: ${1 + 2 * PHONE_GROUP_PX}px; }
  .gk-report .gk-table .gk-lc3 { left: ${1 + 3 * PHONE_GROUP_PX}px; }
  .gk-report .gk-table td.gk-value { min-width: 3em; font-size: 14px; padding: 4px; }
}

@page { size: A4; margin: 18mm 15mm; }
@media print {
  .gk-report {
    max-width: none; padding: 0; font-size: 12pt; line-height: 1.7;
    font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
    -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
  .gk-report .gk-title { font-size: 18pt; margin: 0 0 14pt; }
  .gk-report h2 { font-size: 14pt; margin: 14pt 0 6pt; break-after: avoid; page-break-after: avoid; }
  .gk-report h3 { font-size: 12pt; margin: 8pt 0 2pt; break-after: avoid; page-break-after: avoid; }
  .gk-report p { margin: 0 0 4pt; orphans: 2; widows: 2; }
  .gk-report .gk-legend { font-size: 9pt; }
  .gk-report .gk-table-wrap { overflow: visible; margin: 6pt 0; padding: 0; break-inside: avoid; page-break-inside: avoid; }
  .gk-report .gk-table { width: 100%; table-layout: fixed; font-size: 9pt; line-height: 1.35; border-color: #444; }
  .gk-report .gk-table col { width: var(--gk-w); }
  .gk-report .gk-table th, .gk-report .gk-table td { padding: 2pt 3pt; border-color: #444; min-width: 0; }
  .gk-report .gk-table th.gk-row-label, .gk-report .gk-table th.gk-corner { position: static; box-shadow: none; }
  .gk-report .gk-table th.gk-row-label.gk-group { width: auto; max-width: none; }
  .gk-report .gk-table th.gk-note { font-size: 8pt; color: inherit; }
  .gk-report .gk-table td.gk-value { font-size: 9pt; white-space: normal; }
  .gk-report .gk-table td.gk-nonzero { background: none; color: #000; }
  .gk-report .gk-table td.gk-zero { color: #333; }
}
`;
