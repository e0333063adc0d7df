import * as z from 'zod';

/** A month-day (MM-DD) that every year has: the annual report's due date (an organ's, a county's). */
export const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, '格式应为 MM-DD')
  .refine((s) => {
    const d = new Date(`2024-${s}T00:00:00Z`); // a leap year: 02-29 is a real month-day
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === s;
  }, '不是有效的月日')
  // Every year has the due date: 02-29 would not exist in a common year (and crashed the report's due date).
  .refine((s) => s !== '02-29', '不能选 2月29日：平年没有这一天，请选 2月28日或 3月1日');
