/**
 * The report data: what one organ's annual report says, cell by cell, section by section.
 * Cells are addressed by the format file's keys (`applications.newReceived.natural`); a cell an importer
 * could not read is `null` (with a cellUnreadable finding), never a silent 0.
 */
import * as z from 'zod';
import {
  CELL_ADDRESSES,
  CHECK_IDS,
  FEE_CELL,
  SECTION_KEYS,
  type CellAddress,
  type CheckId,
  type FindingLevel,
} from '../format';

const count = z.number().int().nonnegative();
/** 万元 with decimals: the only cell that may be fractional. */
const amountWanYuan = z.number().nonnegative().finite();

/** All 200 cells, each present; unknown addresses are rejected. */
export const cellsSchema = z.strictObject(
  Object.fromEntries(CELL_ADDRESSES.map((a) => [a, (a === FEE_CELL ? amountWanYuan : count).nullable()])) as Record<
    CellAddress,
    z.ZodNullable<z.ZodNumber>
  >,
);
export type Cells = Record<CellAddress, number | null>;

export const sectionsSchema = z.strictObject(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string()])) as Record<(typeof SECTION_KEYS)[number], z.ZodString>,
);
export type Sections = z.infer<typeof sectionsSchema>;

export const overviewPartSchema = z.object({ title: z.string(), text: z.string() });
export type OverviewPart = z.infer<typeof overviewPartSchema>;

/** Numbers the narrative states (null when it states none); checked against tables and records. */
export const narrativeSchema = z.object({
  /** 主动公开政府信息 N 条 */
  proactiveCount: count.nullable(),
  /** 收到 … 申请 N 件 (0 when the text says none was received) */
  applicationsReceived: count.nullable(),
  /** 信息处理费 collected, 元 (0 when the text says none) */
  processingFeesYuan: z.number().nonnegative().nullable(),
  /** The figures the text gives as approximate (“5500 余条”, “近 200 条”): the number, flagged. */
  approximate: z.array(z.enum(['proactiveCount', 'applicationsReceived'])).optional(),
});
export type Narrative = z.infer<typeof narrativeSchema>;

export const findingSchema = z.object({
  check: z.enum(CHECK_IDS),
  level: z.enum(['error', 'warning', 'info']),
  cells: z.array(z.string()),
  message: z.string(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  /** The threshold a note met (the checks across reports: a similarity, a multiple of the peers' median). */
  threshold: z.number().optional(),
});
export interface Finding {
  check: CheckId;
  level: FindingLevel;
  cells: CellAddress[];
  message: string;
  expected?: number | undefined;
  actual?: number | undefined;
  /** The threshold a note met (the checks across reports: a similarity, a multiple of the peers' median). */
  threshold?: number | undefined;
}

/**
 * The 2019 format's table 二 cells (proactive2019.licensing.changeThisYear …; shared/format/format-2019.ts): any
 * number, as the 2019 format has a signed column (本年增/减) and an amount (采购总金额, 元); the checks judge.
 */
export const proactive2019Schema = z.record(
  z.string().regex(/^proactive2019\.[A-Za-z]+\.[A-Za-z]+$/),
  z.number().nullable(),
);

/**
 * Table 三's （六）其他处理 as the 2019 format prints it, one row (applications.otherProcessing.<column>;
 * shared/format/other-processing-2019.ts): the 2021 format's three rows it stands for stay null.
 */
export const otherProcessing2019Schema = z.record(
  z.string().regex(/^applications\.otherProcessing\.[A-Za-z]+$/),
  z.number().nullable(),
);

export const reportDataSchema = z.object({
  organ: z.string().trim().min(1),
  year: z.number().int().min(2008).max(2100),
  /**
   * The format the report was printed in. A 2019-format report (the reports on 2019 and 2020) is held in
   * the 2021 cells where the formats agree (tables 三 and 四); its table 二 in proactive2019, the 2021
   * format's table 二 cells staying null (shared/format/format-2019.ts).
   */
  formatVersion: z.enum(['2021', '2019']),
  /** Table 二 as the 2019 format prints it, its own 22 cells (a 2019-format report only). */
  proactive2019: proactive2019Schema.optional(),
  /** Table 三's （六）其他处理 as the 2019 format prints it, one row (a 2019-format report only). */
  otherProcessing2019: otherProcessing2019Schema.optional(),
  cells: cellsSchema,
  sections: sectionsSchema,
  /**
   * The text before 一 (本报告根据…编制, the statistics period, the parts it consists of), as an imported
   * report printed it; absent for a report built from records.
   */
  preface: z.string().optional(),
  overviewParts: z.array(overviewPartSchema).default([]),
  narrative: narrativeSchema.default({ proactiveCount: null, applicationsReceived: null, processingFeesYuan: null }),
  /** Facts from the records a built report came from (absent for an imported report). */
  facts: z.object({ publishedItems: count }).optional(),
  /** Why a cell differs from what the other numbers imply (e.g. an inForce override). */
  cellNotes: z.record(z.string(), z.string()).optional(),
  findings: z.array(findingSchema).default([]),
});
export type ReportData = z.infer<typeof reportDataSchema>;

export function emptyCells(value: number | null = 0): Cells {
  return Object.fromEntries(CELL_ADDRESSES.map((a) => [a, value]));
}

export function emptySections(): Sections {
  return { overview: '', proactive: '', applications: '', reviewLitigation: '', problems: '', other: '' };
}
