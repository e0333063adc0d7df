/** The short human summary of `report import`: what was read, what was filled in, what needs a look. */
import { cellAddressesOf } from '../shared/checks/cells';
import { cellValue } from '../shared/checks/input';
import { SECTION_KEYS, sectionDef } from '../shared/format';
import { PROACTIVE_GROUPS_2019 } from '../shared/format/format-2019';
import { inferredCells } from '../shared/render';
import type { ReportData } from '../shared/report';

export const LEVEL_NAMES = { error: '错误', warning: '提示', info: '说明' } as const;

export function summarize(report: ReportData): string {
  const lines: string[] = [];
  lines.push(`${report.organ} ${report.year} 年政府信息公开工作年度报告（${report.formatVersion} 格式）`);
  // A 2019-format report's table 二 has its own 22 cells in place of the 2021 format's 10.
  // Its table 三's （六）其他处理, where kept, one row in place of the 2021 format's three.
  const addresses = cellAddressesOf(report);
  const value = (a: string): number | null => cellValue(report, a) ?? report.proactive2019?.[a] ?? null;
  const unreadable = addresses.filter((a) => value(a) === null).length;
  const counted = new Set(addresses);
  const inferred = [...inferredCells(report.findings)].filter((c) => counted.has(c)).length;
  lines.push(
    `表格：${addresses.length} 个单元格，读出 ${addresses.length - unreadable - inferred}，推算 ${inferred}，无法读取 ${unreadable}`,
  );
  if (report.formatVersion === '2019') {
    const rows = PROACTIVE_GROUPS_2019.flatMap((g) => g.rows);
    const printed = rows.map((r) => `${r.label} ${r.cells.map((c) => value(c.address) ?? '—').join('/')}`);
    lines.push(`表二（2019 年格式）：${printed.join('；')}`);
  }
  const sections = SECTION_KEYS.map((k) => {
    const def = sectionDef(k);
    const n = report.sections[k].replace(/\s/g, '').length;
    return `${def.no}${n > 0 ? `（${n}字）` : '（空）'}`;
  });
  lines.push(`正文：${sections.join(' ')}`);
  const approximate = report.narrative.approximate ?? [];
  if (report.narrative.proactiveCount !== null)
    lines.push(
      `正文所称主动公开：${report.narrative.proactiveCount} 条${approximate.includes('proactiveCount') ? '（约数，原文为“余/多/近/约”）' : ''}`,
    );
  const counts = (['error', 'warning', 'info'] as const).map(
    (l) => `${LEVEL_NAMES[l]} ${report.findings.filter((f) => f.level === l).length}`,
  );
  lines.push(`检查：${counts.join('，')}`);
  for (const f of report.findings.filter((f) => f.level !== 'info'))
    lines.push(`  [${LEVEL_NAMES[f.level]}] ${f.message}`);
  return lines.join('\n') + '\n';
}
