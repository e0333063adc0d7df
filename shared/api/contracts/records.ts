/** The `stats` and `cases` functions' contracts: each action's input, answer, access and rules. */
import * as z from 'zod';
import { RECORD_WRITERS, STAFF } from '../../policy/roles';
import { reviewCaseSchema } from '../../records/review-case';
import { statEntrySchema } from '../../records/stat-entry';
import { defineContract } from '../contract';
import {
  closeCaseSchema,
  createCaseSchema,
  createStatEntrySchema,
  listByYearSchema,
  removeByIdSchema,
} from '../records';

const idAnswer = z.object({ id: z.string() });
const write = { access: RECORD_WRITERS, idempotent: true, transactional: true, audited: true } as const;

/** The `stats` function: 第二十条 statistics entries (table 二) of the caller's organ. */
export const statsContract = defineContract({
  create: { input: createStatEntrySchema, answer: idAnswer, ...write },
  remove: { input: removeByIdSchema, answer: idAnswer, ...write },
  list: { input: listByYearSchema, answer: z.array(statEntrySchema), access: STAFF },
});

/** The `cases` function: 行政复议 / 行政诉讼 cases (table 四) of the caller's organ. */
export const casesContract = defineContract({
  create: { input: createCaseSchema, answer: idAnswer, ...write },
  close: { input: closeCaseSchema, answer: idAnswer, ...write },
  list: { input: listByYearSchema, answer: z.array(reviewCaseSchema), access: STAFF },
});
