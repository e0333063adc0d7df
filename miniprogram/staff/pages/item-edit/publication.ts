/**
 * 条例 第二十六条 in the item editor: information is published within 20 working days of being made or changed. Publishing
 * follows the approval chain, so the planned 发布日期 is today at the earliest: the line says how many working days
 * from 成文日期 that is, the last day to publish, and warns past 20 (shared publicationDelay). Counted with the
 * national holidays (official tables, and the statutory days for years not yet announced). Pure.
 */
import { PUBLICATION_RULE, createCalendar, publicationDelay, type Calendar } from 'gongkai-staff';

export interface PublicationLine {
  text: string;
  late: boolean;
}

let national: Calendar | null = null;
const calendar = (): Calendar => (national ??= createCalendar());

export function publicationLine(writtenDate: string, publishDate: string): PublicationLine | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(writtenDate) || writtenDate > publishDate) return null;
  try {
    const delay = publicationDelay(calendar(), writtenDate, publishDate);
    const last = calendar().addWorkdays(writtenDate, PUBLICATION_RULE.workdays).date;
    const estimate = delay.provisional ? '（按法定节假日推算）' : '';
    const text = delay.late
      ? `${delay.warning ?? ''}${estimate}：应于 ${last} 前公开，请在年度报告“存在的主要问题”中如实说明。`
      : `今天发布为成文后第 ${delay.workdays} 个工作日；${PUBLICATION_RULE.basis}：应于 ${last} 前公开${estimate}。`;
    return { text, late: delay.late };
  } catch {
    return null; // a date the calendar cannot count (far outside its range): no line rather than a wrong one
  }
}
