/** The short human summary of `report import`: what was read, what was filled in, what needs a look. */
import { CELL_ADDRESSES, SECTION_KEYS, sectionDef } from '../shared/format';
import type { ReportData } from '../shared/report';

const LEVEL_NAMES = { error: '错误', warning: '提示', info: '说明' } as const;

export function summarize(report: ReportData): string {
  const lines: string[] = [];
  lines.push(`${report.organ} ${report.year} 年政府信息公开工作年度报告（${report.formatVersion} 格式）`);
  const unreadable = CELL_ADDRESSES.filter((a) => report.cells[a] === null).length;
  const inferred = new Set(report.findings.filter((f) => f.check === 'cellInferred').flatMap((f) => f.cells)).size;
  lines.push(
    `表格：${CELL_ADDRESSES.length} 个单元格，读出 ${CELL_ADDRESSES.length - unreadable - inferred}，推算 ${inferred}，无法读取 ${unreadable}`,
  );
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
