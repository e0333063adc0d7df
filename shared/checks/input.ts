/**
 * What the checks read: report data whose cells may hold any number (a negative or a fraction is a finding
 * of nonNegative, not a parse failure), so a wrong published report can still be checked.
 */
import * as z from 'zod';
import { CELL_ADDRESSES, type CellAddress } from '../format';
import { findingSchema, narrativeSchema, proactive2019Schema, sectionsSchema } from '../report/schema';

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
  preface: z.string().optional(),
  narrative: narrativeSchema.optional(),
  facts: z.object({ publishedItems: z.number().int().nonnegative() }).optional(),
  cellNotes: z.record(z.string(), z.string()).optional(),
  findings: z.array(findingSchema).optional(),
});
export type CheckInput = z.infer<typeof checkInputSchema>;

/** A missing address reads as null: not assessable, never a silent 0. */
export function cellValue(report: Pick<CheckInput, 'cells'>, address: CellAddress): number | null {
  const v = report.cells[address];
  return typeof v === 'number' ? v : null;
}
