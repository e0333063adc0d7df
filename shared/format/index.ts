/**
 * The national annual report format (国办公开办函〔2021〕30号) as data, with a typed view of it.
 * The JSON file is the source of every label, key and check; this module only indexes it.
 * Key unions below are checked against the JSON in test/shared/format/index.test.ts, so they cannot drift.
 */
import raw2021 from './annual-report-2021.json';

export const SECTION_KEYS = ['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const TABLE_KEYS = ['proactive', 'applications', 'reviewLitigation'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** The six applicant columns of table 三 (without 总计). */
export const APPLICANT_TYPES = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** The 21 outcome rows of table 三, in the official order. */
export const OUTCOME_ROWS = [
  'disclosed',
  'partlyDisclosed',
  'withheldStateSecret',
  'withheldLawProhibited',
  'withheldThreeSafeties',
  'withheldThirdParty',
  'withheldInternalAffairs',
  'withheldProcessInfo',
  'withheldEnforcementFile',
  'withheldQueryMatter',
  'unavailableNotHeld',
  'unavailableNeedsCreation',
  'unavailableStillUnclear',
  'notProcessedPetition',
  'notProcessedDuplicate',
  'notProcessedPublication',
  'notProcessedMassRepeated',
  'notProcessedConfirmation',
  'otherNoCorrection',
  'otherFeeUnpaid',
  'otherOther',
] as const;
export type Outcome = (typeof OUTCOME_ROWS)[number];

/** Table 四: the three groups (treated as rows) and the five result columns. */
export const CASE_KINDS = ['review', 'directSuit', 'suitAfterReview'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

/** Table 二: the rows and which quantity each row carries. */
export const DOCUMENT_ROWS = ['rules', 'normativeDocs'] as const;
export type DocumentRow = (typeof DOCUMENT_ROWS)[number];
export const DECISION_ROWS = ['licensing', 'punishment', 'enforcement'] as const;
export type DecisionRow = (typeof DECISION_ROWS)[number];

export const CHECK_IDS = [
  'balance',
  'resultTotal',
  'applicantTotal',
  'reviewTotal',
  'carryOverApplications',
  'carryOverInForce',
  'narrativeNumbers',
  'nonNegative',
  'cellUnreadable',
  'cellInferred',
  'requiredContent',
  'problemsSimilar',
  'peerRequests',
  'otherProcessingShare',
  'proactiveZero',
  'otherProcessingUnsplit',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type FindingLevel = 'error' | 'warning' | 'info';

/** `table.row.column`, e.g. `applications.newReceived.natural`. */
export type CellAddress = string;

export const FEE_CELL: CellAddress = 'proactive.fees.amountWanYuan';

export interface LabelledKey {
  key: string;
  label: string;
  group?: string;
  parentGroup?: string;
}

export interface SectionDef {
  no: string;
  key: SectionKey;
  title: string;
  kind: 'narrative' | 'table';
}

/** A group of table 二: printed as its own block with its own columns. */
export interface ProactiveGroupDef {
  label: string;
  columns: LabelledKey[];
  rows: LabelledKey[];
}

export interface GridTableDef {
  key: 'applications' | 'reviewLitigation';
  note?: string;
  columnHeader?: string;
  columns: LabelledKey[];
  rows: LabelledKey[];
  layout: string;
}

export interface ProactiveTableDef {
  key: 'proactive';
  itemHeader: string;
  groups: ProactiveGroupDef[];
  layout: string;
}

export interface CellDef {
  address: CellAddress;
  table: TableKey;
  row: string;
  column: string;
  rowLabel: string;
  columnLabel: string;
  /** Only the fee cell (万元) may hold a decimal. */
  decimal: boolean;
}

export interface CheckDef {
  id: CheckId;
  level: FindingLevel;
  rule: string;
  source?: string;
}

export interface ReportFormat {
  version: '2021';
  basis: string;
  sections: SectionDef[];
  proactive: ProactiveTableDef;
  applications: GridTableDef;
  reviewLitigation: GridTableDef;
  outcomeRows: readonly Outcome[];
  checks: CheckDef[];
  /** Every cell of the report in the official order: table 二, 三 (row by row), 四. */
  cells: CellDef[];
  cellByAddress: ReadonlyMap<CellAddress, CellDef>;
}

export function cellAddress(table: TableKey, row: string, column: string): CellAddress {
  return `${table}.${row}.${column}`;
}

function listCells(proactive: ProactiveTableDef, grids: GridTableDef[]): CellDef[] {
  const cells: CellDef[] = [];
  for (const group of proactive.groups) {
    for (const row of group.rows) {
      for (const column of group.columns) {
        const address = cellAddress('proactive', row.key, column.key);
        cells.push({
          address,
          table: 'proactive',
          row: row.key,
          column: column.key,
          rowLabel: row.label,
          columnLabel: column.label,
          decimal: address === FEE_CELL,
        });
      }
    }
  }
  for (const grid of grids) {
    for (const row of grid.rows) {
      for (const column of grid.columns) {
        cells.push({
          address: cellAddress(grid.key, row.key, column.key),
          table: grid.key,
          row: row.key,
          column: column.key,
          rowLabel: row.label,
          columnLabel: column.label,
          decimal: false,
        });
      }
    }
  }
  return cells;
}

type RawFormat = typeof raw2021;

function loadFormat(raw: RawFormat): ReportFormat {
  if (raw.version !== '2021') throw new Error(`unsupported format version ${raw.version}`);
  const proactive: ProactiveTableDef = { key: 'proactive', ...raw.tables.proactive };
  const applications: GridTableDef = { key: 'applications', ...raw.tables.applications };
  const reviewLitigation: GridTableDef = { key: 'reviewLitigation', ...raw.tables.reviewLitigation };
  const cells = listCells(proactive, [applications, reviewLitigation]);
  return {
    version: '2021',
    basis: raw.basis,
    sections: raw.sections as SectionDef[],
    proactive,
    applications,
    reviewLitigation,
    outcomeRows: OUTCOME_ROWS,
    checks: raw.checks as CheckDef[],
    cells,
    cellByAddress: new Map(cells.map((c) => [c.address, c])),
  };
}

/** The 2021 format, the one every report from 2021 on uses. */
export const FORMAT_2021: ReportFormat = loadFormat(raw2021);

export const CELL_ADDRESSES: readonly CellAddress[] = FORMAT_2021.cells.map((c) => c.address);

/**
 * The format a report's data is laid out in. A report printed in the 2019 format is held in the 2021 cells
 * (report/schema.ts): it is shown in the 2021 layout, its cells the 2019 format lacks marked unreadable.
 */
export function getFormat(version: string): ReportFormat {
  if (version === '2021' || version === '2019') return FORMAT_2021;
  throw new Error(`unknown report format version: ${version}`);
}

export function sectionDef(key: SectionKey): SectionDef {
  const def = FORMAT_2021.sections.find((s) => s.key === key);
  if (!def) throw new Error(`unknown section ${key}`);
  return def;
}

export function checkDef(id: CheckId): CheckDef {
  const def = FORMAT_2021.checks.find((c) => c.id === id);
  if (!def) throw new Error(`unknown check ${id}`);
  return def;
}
