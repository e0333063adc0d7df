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
  const published = report.facts?.publishedItems;
  const approximate = stated.approximate ?? [];
  // An approximate figure (“5500 余条”) cannot be held to an exact count.
  if (
    stated.proactiveCount !== null &&
    !approximate.includes('proactiveCount') &&
    published !== undefined &&
    stated.proactiveCount !== published
  ) {
    findings.push({
      check: 'narrativeNumbers',
      level,
      cells: [],
      message: `正文称主动公开政府信息 ${stated.proactiveCount} 条，但本年发布的公开信息记录为 ${published} 条`,
      expected: published,
      actual: stated.proactiveCount,
    });
  }
  const received = cellValue(report, 'applications.newReceived.total');
  const withCarried = received === null ? null : received + (cellValue(report, 'applications.carriedOver.total') ?? 0);
  // “收到申请 N 件” means the new ones. A text that counts the carried-over ones in it states the total
  // handled, a wording error of its own: said so, with both numbers.
  const carried = cellValue(report, 'applications.carriedOver.total') ?? 0;
  if (
    stated.applicationsReceived !== null &&
    !approximate.includes('applicationsReceived') &&
    received !== null &&
    carried > 0 &&
    stated.applicationsReceived !== received &&
    stated.applicationsReceived === withCarried
  ) {
    findings.push({
      check: 'narrativeNumbers',
      level,
      cells: ['applications.newReceived.total', 'applications.carriedOver.total'],
      message: `正文称收到政府信息公开申请 ${stated.applicationsReceived} 件，这是本年新收 ${received} 件与上年结转 ${carried} 件之和；“收到申请”应为本年新收的 ${received} 件`,
      expected: received,
      actual: stated.applicationsReceived,
    });
  } else if (
    stated.applicationsReceived !== null &&
    !approximate.includes('applicationsReceived') &&
    received !== null &&
    stated.applicationsReceived !== received
  ) {
    findings.push({
      check: 'narrativeNumbers',
      level,
      cells: ['applications.newReceived.total'],
      message: `正文称收到政府信息公开申请 ${stated.applicationsReceived} 件，但表三本年新收申请总计为 ${received} 件`,
      expected: received,
      actual: stated.applicationsReceived,
    });
  }
  return findings;
}
