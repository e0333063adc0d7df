/**
 * A published report for page tests: every cell 0 except a few non-zero ones and one null (unreadable) cell,
 * narrative as in a real township report. Built from the format, so it always has all 200 cells.
 */
import { FORMAT_2021, type PublishedReport, type PublishedReportSummary, type ReportData } from 'gongkai-core';
import type { CountyRow } from 'gongkai-staff';

export const NONZERO: Record<string, number> = {
  'proactive.normativeDocs.issued': 3,
  'proactive.normativeDocs.inForce': 12,
  'proactive.punishment.decisions': 7,
  'applications.newReceived.natural': 2,
  'applications.newReceived.total': 2,
  'applications.disclosed.natural': 1,
  'applications.disclosed.total': 1,
  'applications.unavailableNotHeld.natural': 1,
  'applications.unavailableNotHeld.total': 1,
  'applications.resultTotal.natural': 2,
  'applications.resultTotal.total': 2,
  'reviewLitigation.review.upheld': 1,
  'reviewLitigation.review.total': 1,
};

/** Could not be read from the published text. */
export const NULL_CELL = 'proactive.fees.amountWanYuan';

export function reportData(): ReportData {
  const cells = Object.fromEntries(
    FORMAT_2021.cells.map((c) => [c.address, c.address === NULL_CELL ? null : (NONZERO[c.address] ?? 0)]),
  );
  return {
    organ: '扎毛乡',
    year: 2023,
    formatVersion: '2021',
    cells,
    sections: {
      overview: [
        '2023 年，扎毛乡认真贯彻落实《中华人民共和国政府信息公开条例》，把政府信息公开列入重要议事日程。',
        '（一）及时主动公开',
        '2023 年，扎毛乡全年主动公开政府信息 264 条。',
        '（二）依申请公开情况',
        '严格按照相关流程做好依申请公开工作。',
      ].join('\n'),
      proactive: '',
      applications: '2023 年，扎毛乡收到政府信息公开申请 2 件。',
      reviewLitigation: '',
      problems: '一是公开内容还不够全面。\n二是更新还不够及时。',
      other: '本年度未收取信息处理费。',
    },
    // A parsed view of the overview text, as the importer makes it; the reader prints the text, not both.
    overviewParts: [
      { title: '及时主动公开', text: '2023 年，扎毛乡全年主动公开政府信息 264 条。' },
      { title: '依申请公开情况', text: '严格按照相关流程做好依申请公开工作。' },
    ],
    narrative: { proactiveCount: 264, applicationsReceived: 2, processingFeesYuan: 0 },
    findings: [],
  };
}

export function publishedReport(id = 'report-zhamao-2023'): PublishedReport {
  return {
    id,
    organId: 'zhamao',
    organ: '扎毛乡',
    year: 2023,
    publishedAt: '2024-01-20T02:00:00.000Z',
    version: 1,
    source: 'imported',
    report: reportData(),
    versions: [{ id, version: 1, publishedAt: '2024-01-20T02:00:00.000Z', reason: null }],
  };
}

export function summaries(): PublishedReportSummary[] {
  return [
    {
      id: 'r-2022',
      organId: 'zhamao',
      organ: '扎毛乡',
      year: 2022,
      publishedAt: '2023-01-18T02:00:00.000Z',
      version: 1,
    },
    {
      id: 'r-2023',
      organId: 'zhamao',
      organ: '扎毛乡',
      year: 2023,
      publishedAt: '2024-01-20T02:00:00.000Z',
      version: 2,
    },
    {
      id: 'r-2023-old',
      organId: 'zhamao',
      organ: '扎毛乡',
      year: 2023,
      publishedAt: '2024-01-10T02:00:00.000Z',
      version: 1,
    },
    {
      id: 'r-gx-2023',
      organId: 'gongxiang',
      organ: '共祥村',
      year: 2023,
      publishedAt: '2024-01-25T16:30:00.000Z',
      version: 1,
    },
  ];
}

/** Every label the 2021 format prints in its tables. */
export function formatLabels(): string[] {
  const { proactive, applications, reviewLitigation } = FORMAT_2021;
  const labels = [
    proactive.itemHeader,
    ...proactive.groups.flatMap((g) => [g.label, ...g.columns.map((c) => c.label), ...g.rows.map((r) => r.label)]),
  ];
  for (const grid of [applications, reviewLitigation]) {
    labels.push(...[grid.note, grid.columnHeader].filter((t): t is string => t !== undefined));
    for (const entry of [...grid.columns, ...grid.rows])
      labels.push(...[entry.parentGroup, entry.group, entry.label].filter((t): t is string => t !== undefined));
  }
  return [...new Set(labels)];
}

/** One organ's line on the county dashboard: 扎毛乡, 2025, not started; `extra` changes what a test needs. */
export function countyRow(extra: Partial<CountyRow> = {}): CountyRow {
  return {
    organId: 'o1',
    organ: '扎毛乡人民政府',
    onProduct: true,
    year: 2025,
    state: 'notStarted',
    stateLabel: '未开始',
    submittedAt: null,
    publishedAt: null,
    version: null,
    publishedId: null,
    overdue: false,
    errors: 0,
    warnings: 0,
    notes: 0,
    figures: null,
    returnComment: null,
    source: null,
    ...extra,
  };
}
