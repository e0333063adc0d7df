/**
 * 第二十条 statistics for table 二. Each entry names the cell it feeds by `row.column` of the proactive table:
 * - documents issued / repealed (规章, 行政规范性文件), counted;
 * - 行政许可 / 行政处罚 / 行政强制 decisions, counted;
 * - the organ's 行政事业性收费 (第二十条（八）) in 万元 — not the 信息处理费 of requests, which belongs in 六;
 * - an override of 现行有效件数 with its reason (documents can lapse on their own).
 */
import * as z from 'zod';
import { isoDate, recordId } from './common';

const countMetric = z.enum([
  'rules.issued',
  'rules.repealed',
  'normativeDocs.issued',
  'normativeDocs.repealed',
  'licensing.decisions',
  'punishment.decisions',
  'enforcement.decisions',
]);
export type CountMetric = z.infer<typeof countMetric>;

const countEntry = z.object({
  kind: z.literal('count'),
  metric: countMetric,
  date: isoDate,
  count: z.number().int().positive().max(1_000_000),
  note: z.string().max(500).optional(),
  // A document registered one by one (制发/废止 of 规章, 规范性文件): its title and 文号; older entries have neither.
  title: z.string().trim().min(1).max(200).optional(),
  docNo: z.string().trim().min(1).max(100).optional(),
});
const feeEntry = z.object({
  kind: z.literal('fee'),
  metric: z.literal('fees.amountWanYuan'),
  date: isoDate,
  amountWanYuan: z.number().positive().finite().max(1_000_000),
  note: z.string().max(500).optional(),
});
const inForceOverride = z.object({
  kind: z.literal('inForceOverride'),
  metric: z.enum(['rules.inForce', 'normativeDocs.inForce']),
  year: z.number().int().min(2008).max(2100),
  value: z.number().int().nonnegative(),
  reason: z.string().trim().min(2, '请说明原因').max(500),
});

/** What staff enter; the store gives the id. */
export const statEntryInputSchema = z.discriminatedUnion('kind', [countEntry, feeEntry, inForceOverride]);
export type StatEntryInput = z.infer<typeof statEntryInputSchema>;

export const statEntrySchema = z.discriminatedUnion('kind', [
  countEntry.extend({ id: recordId }),
  feeEntry.extend({ id: recordId }),
  inForceOverride.extend({ id: recordId }),
]);
export type StatEntry = z.infer<typeof statEntrySchema>;
