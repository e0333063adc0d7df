/**
 * 条例 第二十六条 in the item editor: information is published within 20 working days of being made or changed. Publishing
 * follows the approval chain, so the planned 发布日期 is today at the earliest: the line says how many working days
 * from 成文日期 that is and the last day to publish, and warns past 20. The count is the function's
 * (`items.publicationDelay`, on the organ's calendar: the holiday tables stay on the server); offline, no line.
 */
import { publicationDelaySchema, type CallAnswer } from 'gongkai-staff';
import { callChecked } from '../../../api/client';

export interface PublicationLine {
  text: string;
  late: boolean;
}

export function publicationLine(check: CallAnswer<'items.publicationDelay'>): PublicationLine {
  const estimate = check.provisional ? '（按法定节假日推算）' : '';
  const text = check.late
    ? `${check.warning ?? ''}${estimate}：应于 ${check.lastDay} 前公开，请在年度报告“存在的主要问题”中如实说明。`
    : `今天发布为成文后第 ${check.workdays} 个工作日；条例 第二十六条：应于 ${check.lastDay} 前公开${estimate}。`;
  return { text, late: check.late };
}

/** The line for a 成文日期, or null (no date, or the count cannot be read now). */
export async function loadPublicationLine(writtenDate: string): Promise<PublicationLine | null> {
  if (writtenDate === '') return null;
  const result = await callChecked('items.publicationDelay', publicationDelaySchema, { writtenDate });
  return result.ok ? publicationLine(result.data) : null;
}
