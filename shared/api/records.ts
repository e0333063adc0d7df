/** The `stats` and `cases` functions: 第二十条 statistics entries and 复议/诉讼 cases, entered by staff. */
import * as z from 'zod';
import { CASE_RESULTS } from '../format';
import { isoDate } from '../records/common';
import { reviewCaseInputSchema } from '../records/review-case';
import { statEntryInputSchema } from '../records/stat-entry';

export const createStatEntrySchema = z.object({ entry: statEntryInputSchema });
export const listByYearSchema = z.object({ year: z.number().int().min(2008).max(2100) });
export const removeByIdSchema = z.object({ id: z.string().min(1) });
export const createCaseSchema = z.object({ case: reviewCaseInputSchema });
export const closeCaseSchema = z.object({ id: z.string().min(1), result: z.enum(CASE_RESULTS), closedDate: isoDate });
