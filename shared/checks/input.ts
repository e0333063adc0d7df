/**
 * What the checks read: report data whose cells may hold any number (a negative or a fraction is a finding
 * of nonNegative, not a parse failure), so a wrong published report can still be checked.
 */
import * as z from 'zod';
import { CELL_ADDRESSES, type CellAddress } from '../format';
import { EQUATIONS, equations2019, type Equation } from '../format/equations';
import {
  findingSchema,
  narrativeSchema,
  otherProcessing2019Schema,
  proactive2019Schema,
  sectionsSchema,
} from '../report/schema';

export const checkInputSchema = z.object({
  organ: z.string(),
  year: z.number().int(),
  formatVersion: z.string(),
  cells: z.record(z.string(), z.number().nullable()).superRefine((cells, ctx) => {
    const known = new Set<string>(CELL_ADDRESSES);
    for (const key of Object.keys(cells)) {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `未知的单元格地址 ${key}` });
    }
  }),
  sections: sectionsSchema,
  proactive2019: proactive2019Schema.optional(),
  otherProcessing2019: otherProcessing2019Schema.optional(),
  preface: z.string().optional(),
  narrative: narrativeSchema.optional(),
  facts: z.object({ publishedItems: z.number().int().nonnegative() }).optional(),
  cellNotes: z.record(z.string(), z.string()).optional(),
  findings: z.array(findingSchema).optional(),
});
export type CheckInput = z.infer<typeof checkInputSchema>;

/** A missing address reads as null: not assessable, never a silent 0. A 2019 （六） cell reads from its own record. */
export function cellValue(
  report: Pick<CheckInput, 'cells'> & { otherProcessing2019?: CheckInput['otherProcessing2019'] },
  address: CellAddress,
): number | null {
  const v = report.cells[address] ?? report.otherProcessing2019?.[address];
  return typeof v === 'number' ? v : null;
}

/**
 * The equations a report is checked by: over the 2019 format's one （六）其他处理 row where the report keeps it
 * (a 2019-format report), over the 2021 format's three rows otherwise.
 */
export function equationsOf(report: Pick<CheckInput, 'formatVersion' | 'otherProcessing2019'>): readonly Equation[] {
  return keeps2019Row(report) ? equations2019() : EQUATIONS;
}

/** Whether a report keeps its own （六）其他处理 row (otherProcessing2019): a 2019-format report that has it. */
export function keeps2019Row(report: Pick<CheckInput, 'formatVersion' | 'otherProcessing2019'>): boolean {
  return report.formatVersion === '2019' && report.otherProcessing2019 !== undefined;
}
