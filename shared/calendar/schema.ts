/**
 * The organ's own table of announced dates (国务院办公厅 放假安排 notices), for years chinese-days does not
 * know or that the organ corrects. Field errors are in Chinese and name the field.
 */
import * as z from 'zod';
import { parseWith, type Result, typeError } from '../errors';
import { isIsoDate, yearOf } from './dates';

/** A 'YYYY-MM-DD' string field; `label` names it in the message (e.g. '放假日期'). */
export function isoDateField(label: string) {
  return z
    .string({ error: typeError(label, '须为文本日期') })
    .refine(isIsoDate, { error: `${label}须为 YYYY-MM-DD 格式的有效日期` });
}

export const organYearSchema = z.strictObject({
  /** Days off announced for the year, weekend days inside a holiday block included. */
  holidays: z
    .array(isoDateField('放假日期'), { error: typeError('放假日期', '须为日期列表') })
    .min(1, { error: '放假日期至少填写一天：每年都有法定节假日' }),
  /** 调休 make-up working days (a Saturday or Sunday worked in exchange for a bridge day). */
  workdays: z.array(isoDateField('调休上班日期'), { error: typeError('调休上班日期', '须为日期列表') }),
});
export type OrganYear = z.infer<typeof organYearSchema>;

export const organCalendarSchema = z
  .strictObject({
    years: z.record(z.string().regex(/^\d{4}$/), organYearSchema, {
      error: (issue) => (issue.code === 'invalid_key' ? '年份须为四位数字，如 2027' : '年度日历须为按年份填写的对象'),
    }),
  })
  .superRefine((calendar, ctx) => {
    for (const [year, table] of Object.entries(calendar.years)) {
      const seen = new Map<string, string>();
      for (const field of ['holidays', 'workdays'] as const) {
        const label = field === 'holidays' ? '放假日期' : '调休上班日期';
        table[field].forEach((date, i) => {
          if (!isIsoDate(date)) return; // already reported by the field check
          const path = ['years', year, field, i];
          if (yearOf(date) !== Number(year)) {
            ctx.addIssue({ code: 'custom', path, message: `${label} ${date} 不属于 ${year} 年` });
          }
          const other = seen.get(date);
          if (other !== undefined) {
            const what = other === field ? `${label}中重复填写` : '同时填为放假日期和调休上班日期';
            ctx.addIssue({ code: 'custom', path, message: `${date} ${what}` });
          }
          seen.set(date, field);
        });
      }
    }
  });
export type OrganCalendar = z.infer<typeof organCalendarSchema>;

/** Validates an organ calendar from storage or a form; errors name the field (years.2027.holidays.3：…). */
export function parseOrganCalendar(input: unknown): Result<OrganCalendar> {
  return parseWith(organCalendarSchema, input);
}
