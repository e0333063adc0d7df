/**
 * narrativeNumbers: a count the text states must equal what it describes — 主动公开 N 条 against the items
 * published in the year (when the report was built from records), 收到申请 N 件 against table 三.
 */
import { checkDef } from '../format';
import { extractNarrativeNumbers } from '../report/narrative-numbers';
import type { Finding } from '../report/schema';
import { cellValue, type CheckInput } from './input';

export function checkNarrativeNumbers(report: CheckInput): Finding[] {
  const stated = report.narrative ?? extractNarrativeNumbers(report.sections);
  const level = checkDef('narrativeNumbers').level;
  const findings: Finding[] = [];
  // A count the text states exactly (an approximate figure, “5500 余条”, cannot be held to an exact count) that
  // differs from a known `actual`: the stated count, or null.
  const differing = (key: 'proactiveCount' | 'applicationsReceived', actual: number | null | undefined) => {
    const count = stated[key];
    return count === null || stated.approximate?.includes(key) || actual == null || count === actual ? null : count;
  };

  const published = report.facts?.publishedItems;
  const statedItems = differing('proactiveCount', published);
  if (statedItems !== null && published !== undefined) {
    const message = `正文称主动公开政府信息 ${statedItems} 条，但本年发布的公开信息记录为 ${published} 条`;
    findings.push({ check: 'narrativeNumbers', level, cells: [], message, expected: published, actual: statedItems });
  }

  const received = cellValue(report, 'applications.newReceived.total');
  const statedReceived = differing('applicationsReceived', received);
  if (statedReceived !== null && received !== null) {
    // “收到申请 N 件” means the new ones. A text that counts the carried-over ones in it states the total
    // handled, a wording error of its own: said so, with both numbers.
    const carried = cellValue(report, 'applications.carriedOver.total') ?? 0;
    const withCarried = carried > 0 && statedReceived === received + carried;
    const message = withCarried
      ? `正文称收到政府信息公开申请 ${statedReceived} 件，这是本年新收 ${received} 件与上年结转 ${carried} 件之和；“收到申请”应为本年新收的 ${received} 件`
      : `正文称收到政府信息公开申请 ${statedReceived} 件，但表三本年新收申请总计为 ${received} 件`;
    const cells = ['applications.newReceived.total', ...(withCarried ? ['applications.carriedOver.total'] : [])];
    findings.push({ check: 'narrativeNumbers', level, cells, message, expected: received, actual: statedReceived });
  }
  return findings;
}
