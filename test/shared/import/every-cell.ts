/**
 * The generated report of the round trips: every cell non-zero and distinct enough that a shifted column or
 * row shows, with its tables' equations holding, and narrative in every section the importer reads.
 */
import { FORMAT_2021, OUTCOME_ROWS, cellAddress, type TableKey } from '../../../shared/format';
import type { Cells, ReportData } from '../../../shared/report';

const APPLICANTS = FORMAT_2021.applications.columns.map((c) => c.key).filter((k) => k !== 'total');

/** Every cell non-zero and distinct enough that a shifted column or row shows. */
function everyCellNonZero(): Cells {
  const cells: Cells = {};
  const set = (t: TableKey, r: string, c: string, v: number) => (cells[cellAddress(t, r, c)] = v);
  set('proactive', 'rules', 'issued', 2);
  set('proactive', 'rules', 'repealed', 1);
  set('proactive', 'rules', 'inForce', 17);
  set('proactive', 'normativeDocs', 'issued', 31);
  set('proactive', 'normativeDocs', 'repealed', 9);
  set('proactive', 'normativeDocs', 'inForce', 214);
  set('proactive', 'licensing', 'decisions', 4521);
  set('proactive', 'punishment', 'decisions', 388);
  set('proactive', 'enforcement', 'decisions', 47);
  set('proactive', 'fees', 'amountWanYuan', 12.5);
  APPLICANTS.forEach((col, ci) => {
    let results = 0;
    OUTCOME_ROWS.forEach((row, ri) => {
      const v = 1 + ((ri + 2 * ci) % 7);
      results += v;
      set('applications', row, col, v);
    });
    const carriedOver = 2 + ci;
    const carriedForward = 3 + ci;
    set('applications', 'resultTotal', col, results);
    set('applications', 'carriedForward', col, carriedForward);
    set('applications', 'carriedOver', col, carriedOver);
    set('applications', 'newReceived', col, results + carriedForward - carriedOver);
  });
  for (const row of FORMAT_2021.applications.rows) {
    set(
      'applications',
      row.key,
      'total',
      APPLICANTS.reduce((s, c) => s + (cells[cellAddress('applications', row.key, c)] ?? 0), 0),
    );
  }
  (['review', 'directSuit', 'suitAfterReview'] as const).forEach((row, i) => {
    const vs = [3 + i, 1 + i, 2 + i, 4 + i];
    ['upheld', 'corrected', 'other', 'pending'].forEach((c, j) => set('reviewLitigation', row, c, vs[j] ?? 0));
    set(
      'reviewLitigation',
      row,
      'total',
      vs.reduce((a, b) => a + b, 0),
    );
  });
  return cells;
}

export const REPORT: ReportData = {
  organ: '青禾县白沙镇人民政府',
  year: 2024,
  formatVersion: '2021',
  cells: everyCellNonZero(),
  preface:
    '本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
  sections: {
    overview:
      '2024年，白沙镇主动公开政府信息356条，全年共收到政府信息公开申请1件。工作考核、社会评议和责任追究结果情况：无。',
    proactive: '',
    applications: '',
    reviewLitigation: '',
    problems: '一是公开不够及时。改进情况：建立台账。',
    other: '本年度未收取信息处理费。',
  },
  overviewParts: [],
  narrative: { proactiveCount: 356, applicationsReceived: 1, processingFeesYuan: 0 },
  findings: [],
};
