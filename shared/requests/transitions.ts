/**
 * The state machine of a request as data: for each action, the statuses it may start from, the status it
 * leads to, the ClockEvent it adds for shared/calendar's computeDeadline, and the rule behind it. Guards
 * (guards.ts) add the conditions a status cannot express; the clock (computeDeadline) checks the dates.
 */
import type { ClockEventType } from '../calendar';
import type { ActionType } from './actions';
import type { InfoRequest, RequestStatus } from './model';

/**
 * 'resume': back to 'extended' when the time limit was extended, else 'received' (the clock runs again).
 * 'same': the status does not change (a delivery record, the 第三十五条 steps).
 */
export type TransitionTarget = RequestStatus | 'resume' | 'same';

export interface Transition {
  action: ActionType;
  from: readonly RequestStatus[];
  to: TransitionTarget;
  /** The clock event the action adds, or null (confirmReceipt sets the receipt date instead). */
  event: ClockEventType | null;
  basis: string;
}

const OPEN_RUNNING = ['received', 'extended'] as const;

export const TRANSITIONS: Record<ActionType, Transition> = {
  confirmReceipt: {
    action: 'confirmReceipt',
    from: ['submitted'],
    to: 'received',
    event: null,
    basis: '条例 第三十一条（网上申请以双方确认之日为收到申请之日）',
  },
  requestCorrection: {
    action: 'requestCorrection',
    from: ['received'],
    to: 'correctionRequested',
    event: 'correctionRequested',
    basis: '条例 第三十条（收到申请之日起7个工作日内一次性告知补正）',
  },
  receiveCorrection: {
    action: 'receiveCorrection',
    from: ['correctionRequested'],
    to: 'received',
    event: 'correctionReceived',
    basis: '条例 第三十条（答复期限自收到补正的申请之日起计算）',
  },
  startConsultation: {
    action: 'startConsultation',
    from: OPEN_RUNNING,
    to: 'consulting',
    event: 'consultationStarted',
    basis: '条例 第三十二条、第三十三条第二款（征求第三方意见所需时间不计算在期限内）',
  },
  endConsultation: {
    action: 'endConsultation',
    from: ['consulting'],
    to: 'resume',
    event: 'consultationEnded',
    basis: '条例 第三十二条（第三方自收到征求意见书之日起15个工作日内提出意见，逾期未提出的由行政机关依法决定）',
  },
  recordDelivery: {
    action: 'recordDelivery',
    from: ['correctionRequested', 'consulting', 'feeNoticed'],
    to: 'same',
    event: 'noticeDelivered',
    basis: '条例 第三十条、第三十二条；国办函〔2020〕109号（期限自收到告知书、征求意见书、收费通知之日起计算）',
  },
  askReasons: {
    action: 'askReasons',
    from: [...OPEN_RUNNING, 'consulting'],
    to: 'same',
    event: null,
    basis: '条例 第三十五条（申请数量、频次明显超过合理范围的，可以要求申请人说明理由；不中止答复期限）',
  },
  receiveReasons: {
    action: 'receiveReasons',
    from: [...OPEN_RUNNING, 'consulting'],
    to: 'same',
    event: null,
    basis: '条例 第三十五条',
  },
  setLaterDate: {
    action: 'setLaterDate',
    from: [...OPEN_RUNNING, 'consulting'],
    to: 'same',
    event: null,
    basis: '条例 第三十五条（理由合理但无法在规定期限内答复的，确定延迟答复的合理期限并告知申请人）',
  },
  extend: {
    action: 'extend',
    from: ['received'],
    to: 'extended',
    event: 'extended',
    basis: '条例 第三十三条第一款（经政府信息公开工作机构负责人同意，延长不超过20个工作日）',
  },
  noticeFee: {
    action: 'noticeFee',
    from: OPEN_RUNNING,
    to: 'feeNoticed',
    event: 'feeNoticed',
    basis: '条例 第四十二条；国办函〔2020〕109号',
  },
  payFee: {
    action: 'payFee',
    from: ['feeNoticed'],
    to: 'resume',
    event: 'feePaid',
    basis: '国办函〔2020〕109号（收费通知至缴费的时间不计算在答复期限内）',
  },
  answer: {
    action: 'answer',
    from: [...OPEN_RUNNING, 'consulting'],
    to: 'answered',
    event: 'answered',
    basis: '条例 第三十三条、第三十六条',
  },
  close: {
    action: 'close',
    from: ['correctionRequested', 'feeNoticed'],
    to: 'closed',
    event: 'answered',
    basis: '条例 第三十条（逾期不补正视为放弃）；条例 第四十二条、国办函〔2020〕109号（逾期不缴费视为放弃）',
  },
};

/** The table as a list, in workflow order (for docs, tests and the staff UI). */
export const TRANSITION_TABLE: readonly Transition[] = Object.values(TRANSITIONS);

/** The actions possible from a status (the staff page shows these as buttons). */
export function actionsFrom(status: RequestStatus): ActionType[] {
  return TRANSITION_TABLE.filter((t) => t.from.includes(status)).map((t) => t.action);
}

/** Where a transition leads for this request ('resume' resolved). */
export function targetStatus(transition: Transition, request: InfoRequest): RequestStatus {
  if (transition.to === 'same') return request.status;
  if (transition.to !== 'resume') return transition.to;
  return request.events.some((e) => e.type === 'extended') ? 'extended' : 'received';
}
