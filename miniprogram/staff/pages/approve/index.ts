/**
 * Approval screen (staff/pages/approve/index?id=): the item, what changed (a correction field by field against
 * the published original; a new item against nothing), the 保密审查 checklist at the reviewer's step (all five
 * points must be ticked before 通过 can be tapped), and 通过 / 退回 with a comment. Who may approve which step is
 * the server's decision: the page sends, and shows the server's message when it refuses (a reviewer cannot publish
 * past the leader).
 */
import {
  ROLE_LABELS,
  SECRECY_CHECKLIST,
  type SecrecyPoint,
  approveItemSchema,
  getItemSchema,
  rejectItemSchema,
} from 'gongkai-staff';
import { HOME_ROUTE, staffOpening, checklistStep, roleAtStep, stepLabel } from '../../session';
import { allTicked, checklistRows, diffRows, type CheckRow, type DiffRow } from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import type { Result, StaffItem } from 'gongkai-staff';
import { readOrShow, refusalOf } from '../../../kit/page-state';
import { elderOnShow } from '../../../styles/elder';

export type ApproveState = 'loading' | 'ready' | 'closed' | 'done' | 'error';

export interface ApproveData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: ApproveState;
  message: string;
  title: string;
  isCorrection: boolean;
  rows: DiffRow[];
  stepLabel: string;
  /** Shown when the step is not this person's (the server will refuse). */
  stepHint: string;
  needChecklist: boolean;
  checks: CheckRow[];
  allChecked: boolean;
  comment: string;
  busy: boolean;
  notice: string;
}

interface ApproveCustom {
  id: string;
  approveKey: string;
  load(): Promise<void>;
  onRetry(): void;
  onToggle(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: SecrecyPoint }>): void;
  onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onApprove(): Promise<void>;
  onReject(): Promise<void>;
  onHome(): void;
}

export const CHECKLIST_NEEDED = '请逐项确认保密审查（共 5 项）后再通过';

Page<ApproveData, ApproveCustom>({
  data: {
    elder: '',
    state: 'loading',
    message: '',
    title: '',
    isCorrection: false,
    rows: [],
    stepLabel: '',
    stepHint: '',
    needChecklist: false,
    checks: [],
    allChecked: false,
    comment: '',
    busy: false,
    notice: '',
  },
  id: '',
  approveKey: '',

  ...elderOnShow,

  onLoad(query: Record<string, string | undefined>) {
    this.id = decodeURIComponent(query.id ?? '');
    this.approveKey = newIdempotencyKey();
    void this.load();
  },

  async load() {
    this.setData({ notice: '' });
    const me = await staffOpening(this);
    if (!me) return;
    const item: StaffItem | null = readOrShow(
      this,
      await (callChecked('items.get', getItemSchema, { id: this.id }) as Promise<Result<StaffItem>>),
    );
    if (item === null) return;
    if (item.status !== 'inReview' || typeof item.step !== 'number') {
      this.setData({
        state: 'closed',
        title: item.title,
        message: item.status === 'published' ? '该信息已发布，无需审批' : '该信息不在审批中',
      });
      return;
    }
    let previous: StaffItem | null = null;
    if (item.correctionOf !== undefined) {
      const original = await (callChecked('items.get', getItemSchema, { id: item.correctionOf }) as Promise<
        Result<StaffItem>
      >);
      if (original.ok) previous = original.data;
    }
    const step = item.step;
    const needed = roleAtStep(step, item.chain);
    const checks = checklistRows();
    this.setData({
      state: 'ready',
      title: item.title,
      isCorrection: item.correctionOf !== undefined,
      rows: diffRows(item, previous),
      stepLabel: stepLabel(step, item.chain),
      stepHint:
        needed !== undefined && needed !== me.role ? `此步应由${ROLE_LABELS[needed]}办理（您是${me.roleLabel}）` : '',
      needChecklist: step === checklistStep(item.chain),
      checks,
      allChecked: allTicked(checks),
    });
  },

  onRetry() {
    void this.load();
  },

  onToggle(e) {
    const key = e.currentTarget.dataset.key;
    const checks = this.data.checks.map((c) => (c.key === key ? { ...c, on: !c.on } : c));
    this.setData({ checks, allChecked: allTicked(checks), notice: '' });
  },

  onComment(e) {
    this.setData({ comment: e.detail.value });
  },

  async onApprove() {
    if (this.data.busy) return;
    if (this.data.needChecklist && !this.data.allChecked) {
      this.setData({ notice: CHECKLIST_NEEDED });
      return;
    }
    this.setData({ busy: true, notice: '' });
    const checklist = Object.fromEntries(Object.keys(SECRECY_CHECKLIST).map((k) => [k, true])) as Record<
      SecrecyPoint,
      true
    >;
    const comment = this.data.comment.trim();
    const result = await callChecked(
      'items.approve',
      approveItemSchema,
      { id: this.id, ...(comment === '' ? {} : { comment }), ...(this.data.needChecklist ? { checklist } : {}) },
      this.approveKey,
    );
    if (!result.ok) {
      // A refused or failed approval may be tried again as a new request.
      this.approveKey = newIdempotencyKey();
      this.setData({ busy: false, notice: result.message });
      return;
    }
    const { status, indexNo, waitingFor } = result.data;
    const message =
      status === 'published'
        ? `已审批通过并发布${indexNo ? `，索引号 ${indexNo}` : ''}`
        : `已审核通过，等待${waitingFor ? ROLE_LABELS[waitingFor] : '下一步'}审批`;
    this.setData({ busy: false, state: 'done', message });
  },

  async onReject() {
    if (this.data.busy) return;
    this.setData({ busy: true, notice: '' });
    const result = await callChecked('items.reject', rejectItemSchema, { id: this.id, comment: this.data.comment });
    if (!result.ok) {
      this.setData({ busy: false, notice: refusalOf(result, 'comment') });
      return;
    }
    this.setData({ busy: false, state: 'done', message: '已退回发起人修改' });
  },

  onHome() {
    void wx.redirectTo({ url: HOME_ROUTE });
  },
});
