/**
 * Where a township's annual report stands for its county (the county view, issue 18), as one pure module: the
 * states, the moves between them and who makes each, the due date and the overdue flag. No I/O, no clock.
 *
 * What it enforces (moveCounty refuses anything else):
 *  - the organ's own chain comes first: a report reaches the county only by the last approval of the organ's chain
 *    (先审批后公开, shared/approval); it is then `submitted`, not yet public;
 *  - only the county moves a submitted report: it publishes it on the township's behalf or returns it with a
 *    comment; the township cannot change a submitted report (its draft is locked until returned);
 *  - a returned report stays `returned` while the township edits it (its comment in view) until it is submitted
 *    again through the organ's chain;
 *  - a published report is corrected by writing it again (a new cycle; the published version stays and the next
 *    publication is a new version);
 *  - the county pastes a published report only for an organ not on the product (`import`), never over a township's
 *    own work.
 * 条例 第四十九条 sets 1月31日 for 县级以上 departments' reports; townships follow the date their county sets
 * (default 01-31 of the year after the report year).
 */
import { labelledCodes } from '../codes';

export const { codes: COUNTY_STATES, labels: COUNTY_STATE_LABELS } = labelledCodes({
  notStarted: '未开始',
  drafting: '编制中',
  inApproval: '本机关审批中',
  submitted: '已报送',
  returned: '已退回修改',
  published: '已发布',
});
export type CountyState = (typeof COUNTY_STATES)[number];

/** What happens to a report: by the township (write, submit, approveLast, reject) or by the county. */
export const COUNTY_MOVES = ['write', 'submit', 'approveLast', 'reject', 'return', 'publish', 'import'] as const;
export type CountyMove = (typeof COUNTY_MOVES)[number];

/** Who makes each move: the township's staff through its own chain, or the county role. */
export const MOVE_ACTOR: Record<CountyMove, 'township' | 'county'> = {
  write: 'township',
  submit: 'township',
  approveLast: 'township',
  reject: 'township',
  return: 'county',
  publish: 'county',
  import: 'county',
};

/** The moves allowed from each state and where they lead; a move not listed is refused. */
export const COUNTY_FLOW: Record<CountyState, Partial<Record<CountyMove, CountyState>>> = {
  notStarted: { write: 'drafting', submit: 'inApproval', import: 'published' },
  drafting: { write: 'drafting', submit: 'inApproval', import: 'published' },
  inApproval: { approveLast: 'submitted', reject: 'drafting' },
  submitted: { return: 'returned', publish: 'published' },
  returned: { write: 'returned', submit: 'inApproval' },
  published: { write: 'drafting', submit: 'inApproval', import: 'published' },
};

export interface CountyRefusal {
  code: 'CONFLICT' | 'FORBIDDEN';
  message: string;
}

/** The state after `move`, or why it is refused. `onProduct`: the organ has staff on the product (import). */
export function moveCounty(
  state: CountyState,
  move: CountyMove,
  facts: { onProduct?: boolean } = {},
): { ok: true; state: CountyState } | ({ ok: false } & CountyRefusal) {
  if (move === 'import' && facts.onProduct === true)
    return { ok: false, code: 'FORBIDDEN', message: '该机关已使用本系统，年度报告由其自行编制报送，不能代为导入' };
  const next = COUNTY_FLOW[state][move];
  if (next === undefined) {
    const what = MOVE_ACTOR[move] === 'county' ? '只有已报送的报告可以代为发布或退回' : '报告当前状态不允许此操作';
    return { ok: false, code: 'CONFLICT', message: `${what}（当前：${COUNTY_STATE_LABELS[state]}），请刷新` };
  }
  return { ok: true, state: next };
}

/** A month-day (MM-DD) as the due date of `year`'s report: in the year after; 02-29 is 02-28 in a common year. */
export function dueDateOf(year: number, monthDay = DEFAULT_DUE_MONTH_DAY): string {
  const y = year + 1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

export const DEFAULT_DUE_MONTH_DAY = '01-31';

/** Past the due date (YYYY-MM-DD, both in Asia/Shanghai) and not yet published. */
export function isOverdue(state: CountyState, dueDate: string, today: string): boolean {
  return state !== 'published' && today > dueDate;
}

/** The county's order of rows: what needs the county first (submitted), then what is late, then the rest. */
export const COUNTY_STATE_ORDER: Record<CountyState, number> = {
  submitted: 0,
  returned: 1,
  inApproval: 2,
  drafting: 3,
  notStarted: 4,
  published: 5,
};
