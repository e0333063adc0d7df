/**
 * What the import page shows of a preview, as plain functions of the server's answer: the cells by row with the
 * format's labels, the sections present, and the sentence about the version the import will become.
 */
import { FORMAT_2021, normaliseOrganName, sameOrgan, type Finding, type ImportPreview } from 'gongkai-staff';
import { groupFindings, type FindingGroup } from '../report/view';
import { publishedDay } from '../../../components/report-view/published-day';

/** One row of a table with the columns concerned, e.g. 予以公开：自然人、商业企业…. */
export interface CellLine {
  key: string;
  text: string;
}

export interface PreviewView {
  organ: string;
  ownOrgan: string;
  /** The name read is not the organ's own: shown marked, so a wrong paste is noticed (townships do rename). */
  organDiffers: boolean;
  year: number;
  cellsText: string;
  inferredCount: number;
  inferred: CellLine[];
  unreadableCount: number;
  unreadable: CellLine[];
  groups: FindingGroup[];
  /** Which of 一 to 六 have text, e.g. 一、五、六部分有正文. */
  sectionsText: string;
  /** The narrative sections (一, 五, 六) read without text, '' when none. */
  missingText: string;
  /** 将作为第 N 版发布, or 该年度已有报告… when a version is published. */
  versionText: string;
  existing: boolean;
}

/** The cells a check names, gathered by table row in the format's order, with its labels. */
export function cellLines(findings: readonly Finding[], check: Finding['check']): CellLine[] {
  const named = new Set(findings.filter((f) => f.check === check).flatMap((f) => f.cells));
  const rows = new Map<string, { label: string; columns: string[] }>();
  for (const def of FORMAT_2021.cells) {
    if (!named.has(def.address)) continue;
    const key = `${def.table}.${def.row}`;
    const row = rows.get(key) ?? { label: def.rowLabel, columns: [] };
    rows.set(key, { ...row, columns: [...row.columns, def.columnLabel] });
  }
  return [...rows].map(([key, row]) => ({ key, text: `${row.label}：${row.columns.join('、')}` }));
}

/**
 * The name read is another organ's, or none (未识别机关, 我局): compared as the county compares names
 * (shared/records organ-name.ts: 扎毛乡 ≈ 扎毛乡人民政府 ≈ 青禾县扎毛乡).
 */
export function organDiffers(read: string, own: string): boolean {
  return normaliseOrganName(read) === '' || !sameOrgan(read, own);
}

export function previewView(p: ImportPreview): PreviewView {
  const present = new Set(p.sections);
  // 二 to 四 are tables, usually without prose; a narrative section without text was likely not copied.
  const missing = FORMAT_2021.sections
    .filter((s) => s.kind === 'narrative' && !present.has(s.key))
    .map((s) => `${s.no}、${s.title}`);
  const withText = FORMAT_2021.sections.filter((s) => present.has(s.key)).map((s) => s.no);
  const existing = p.existing;
  return {
    organ: p.organ,
    ownOrgan: p.ownOrgan,
    organDiffers: organDiffers(p.organ, p.ownOrgan),
    year: p.year,
    cellsText: `共 ${p.cells.total} 格，读出 ${p.cells.filled} 格`,
    inferredCount: p.cells.inferred,
    inferred: cellLines(p.findings, 'cellInferred'),
    unreadableCount: p.cells.unreadable,
    unreadable: cellLines(p.findings, 'cellUnreadable'),
    groups: groupFindings(p.findings),
    sectionsText: withText.length > 0 ? `${withText.join('、')}部分有正文` : '未读到正文',
    missingText: missing.length > 0 ? `未读到正文：${missing.join('；')}，请核对是否漏复制` : '',
    versionText: existing
      ? `该年度已有报告（第 ${existing.version} 版，${publishedDay(existing.publishedAt)}发布），导入后将作为第 ${existing.version + 1} 版发布，原版本仍可查阅`
      : '将作为第 1 版发布',
    existing: existing !== null,
  };
}

/** The server's refusal in the words the clerk can act on (a field error names what is wrong with the text). */
export function refusalText(result: {
  code: string;
  message: string;
  fieldErrors?: { path: string; message: string }[];
}): string {
  if (result.code === 'FORBIDDEN') return '仅机关管理员可导入往年报告，请联系本机关管理员';
  const field = result.fieldErrors?.find((f) => f.path === 'text');
  if (field && result.code === 'VALIDATION') return field.message.replace(/^text：/, '');
  return result.message;
}
