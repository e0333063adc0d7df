/**
 * requiredContent: what 条例 第五十条 and the customary content ask the narrative to say.
 * - every narrative section has text;
 * - a people's government (乡镇 included) also reports 工作考核、社会评议和责任追究结果情况 (第五十条);
 * - 六 states the 信息处理费 collected, or that none was (国办函〔2020〕109号 practice);
 * (五 repeating last year's text is a note of across.ts, checkProblemsSimilar.)
 */
import { checkDef } from '../format';
import type { Finding } from '../report/schema';
import { statesProcessingFees } from '../report/narrative-numbers';
import type { CheckInput } from './input';

const NARRATIVE_SECTIONS = [
  ['overview', '一、总体情况'],
  ['problems', '五、存在的主要问题及改进情况'],
  ['other', '六、其他需要报告的事项'],
] as const;

/** “1月1日…12月31日”, “统计期限”, “统计时限”, “统计时间段”. */
const STATISTICS_PERIOD = /1月1日.{0,12}?12月31日|1月1日.{0,6}?(?:至|到).{0,6}?年底|统计(?:期限|时限|时间段|期间)/;

const GOVERNMENT_DUTIES = ['工作考核', '社会评议', '责任追究'] as const;

/** A 人民政府 (a 乡/镇 included), not one of its departments or a 街道办事处. */
export function isPeoplesGovernment(organ: string): boolean {
  const name = organ.trim();
  if (/人民政府(办公室|办公厅)?$/.test(name)) return !/办公(室|厅)$/.test(name);
  if (/(局|委员会|委|办|中心|处|所|站|队|街道|办事处|厅|院)$/.test(name)) return false;
  return /[乡镇]$/.test(name);
}

function compact(text: string): string {
  return text.replace(/[\s，。、；：,.;:“”"'（）()!！?？*]/g, '');
}

export function checkRequiredContent(report: CheckInput): Finding[] {
  const level = checkDef('requiredContent').level;
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ check: 'requiredContent', level, cells: [], message });
  for (const [key, title] of NARRATIVE_SECTIONS) {
    if (compact(report.sections[key]).length === 0) add(`“${title}”没有内容`);
  }
  const all = Object.values(report.sections).join('\n');
  if (isPeoplesGovernment(report.organ)) {
    const missing = GOVERNMENT_DUTIES.filter((w) => !all.includes(w));
    if (missing.length > 0) {
      add(
        `人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（条例第五十条），正文未提及：${missing.join('、')}`,
      );
    }
  }
  // The statistics period (本报告所列数据统计期限 …年1月1日至12月31日) is part of the preface the format
  // prescribes; checked on imported reports, which keep their preface (a built report prints its own).
  if (report.preface !== undefined) {
    const text = `${report.preface ?? ''}\n${all}`;
    if (!STATISTICS_PERIOD.test(text.replace(/\s+/g, '')))
      add('报告未写明数据统计期限（如“本报告中所列数据的统计期限自 1 月 1 日起至 12 月 31 日止”）');
  }
  // The statement may be in any section and in any wording (“未收取任何费用”, “免费提供”).
  if (!statesProcessingFees(all)) {
    add('“六、其他需要报告的事项”应说明本年收取信息处理费的情况（未收取也应写明）');
  }
  return findings;
}
