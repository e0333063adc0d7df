/**
 * 条例 第二十六条: proactively disclosed information is published within 20 working days of being made or
 * changed. One pure function for the item editor (成文日期 → planned 发布日期) and the report builder (the
 * year's late items).
 */
import type { Calendar } from './calendar';
import type { IsoDate } from './dates';

export const PUBLICATION_RULE = {
  workdays: 20,
  basis: '条例 第二十六条',
  rule: '属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开',
} as const;

export interface PublicationDelay {
  /** Working days from the day after 成文日期 up to 发布日期 (0 when published the same day or earlier). */
  workdays: number;
  /** More than 20 working days: published late under 第二十六条. */
  late: boolean;
  /** Counted with a year whose holiday table is not entered (see calendar.ts). */
  provisional: boolean;
  /** Chinese warning for the editor when late. */
  warning?: string;
}

export function publicationDelay(calendar: Calendar, writtenDate: IsoDate, publishDate: IsoDate): PublicationDelay {
  const counted = calendar.workdaysBetween(writtenDate, publishDate);
  const workdays = Math.max(0, counted.count);
  const late = workdays > PUBLICATION_RULE.workdays;
  const result: PublicationDelay = { workdays, late, provisional: counted.provisional };
  if (late) {
    result.warning = `成文日期至发布日期已 ${workdays} 个工作日，超过${PUBLICATION_RULE.basis}规定的 ${PUBLICATION_RULE.workdays} 个工作日`;
  }
  return result;
}

/** The items published late in a list (for the annual report's 五 存在的主要问题): those over 20 working days. */
export function latePublications<T extends { writtenDate?: IsoDate | null; publishDate?: IsoDate | null }>(
  calendar: Calendar,
  items: readonly T[],
): Array<T & { delay: PublicationDelay }> {
  const out: Array<T & { delay: PublicationDelay }> = [];
  for (const item of items) {
    if (!item.writtenDate || !item.publishDate) continue;
    const delay = publicationDelay(calendar, item.writtenDate, item.publishDate);
    if (delay.late) out.push({ ...item, delay });
  }
  return out;
}
