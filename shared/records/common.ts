import * as z from 'zod';

/** A calendar date as the law counts it, 'YYYY-MM-DD' in Asia/Shanghai. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');
export type IsoDate = z.infer<typeof isoDate>;

export const recordId = z.string().trim().min(1).max(64);

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
