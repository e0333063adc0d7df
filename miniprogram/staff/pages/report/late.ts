/**
 * 条例 第二十六条 beside 五 存在的主要问题及改进情况: the year's items published more than 20 working days after their
 * 成文日期 (reports.latePublications, on the organ's calendar), as lines the clerk can weigh when writing 五.
 */
import type { CallAnswer } from 'gongkai-staff';
import { call } from '../../../api/client';

export interface LateSummary {
  title: string;
  lines: string[];
}

export function lateSummary(late: CallAnswer<'reports.latePublications'>): LateSummary {
  if (late.length === 0)
    return { title: '条例 第二十六条：本年度主动公开的信息均在成文后 20 个工作日内公开。', lines: [] };
  return {
    title: `条例 第二十六条：本年度有 ${late.length} 条信息超过 20 个工作日才公开，请在“存在的主要问题及改进情况”中如实说明。`,
    lines: late.map(
      (l) =>
        `《${l.title}》${l.indexNo ? `（${l.indexNo}）` : ''}成文 ${l.writtenDate}，发布 ${l.publishedDate}，` +
        `第 ${l.workdays} 个工作日${l.provisional ? '（暂估）' : ''}`,
    ),
  };
}

/** The summary for the year, or null when it cannot be read now (the builder works without it). */
export async function loadLateSummary(year: number): Promise<LateSummary | null> {
  const result = await call('reports.latePublications', { year });
  return result.ok ? lateSummary(result.data) : null;
}
