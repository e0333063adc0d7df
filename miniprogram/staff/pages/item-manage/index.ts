/**
 * A published item after publishing (staff/pages/item-manage/index?id=): its versions (the correction chain and
 * each one's approval trail), 撤回 with a reason (第一负责人 or 管理员; confirmed first, since the public stops seeing
 * it at once), and 更正 with a reason (发起人): the server makes a correction draft with the published content,
 * which opens in the editor to be changed and sent through the chain; the published one stays public until the
 * correction is approved. Who may do what is the server's decision; the buttons only follow the role.
 */
import {
  correctItemSchema,
  parseWith,
  withdrawItemSchema,
  type ItemHistory,
  type Result,
  type StaffRole,
  getItemSchema,
} from 'gongkai-staff';
import { EDIT_ROUTE, HOME_ROUTE, staffOpening } from '../../session';
import { checkForm, formOf } from '../item-edit/form';
import { MAX_VERSIONS, STATUS_LABELS, versionViews, type VersionView } from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import type { StaffItem } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export type ManageState = 'loading' | 'ready' | 'error';

export interface ManageData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: ManageState;
  message: string;
  title: string;
  indexNo: string;
  status: string;
  published: boolean;
  canWithdraw: boolean;
  canCorrect: boolean;
  versions: VersionView[];
  reason: string;
  busy: boolean;
  notice: string;
  noticeKind: '' | 'done' | 'error';
}

interface ManageCustom {
  id: string;
  role: StaffRole | null;
  item: StaffItem | null;
  withdrawKey: string;
  correctKey: string;
  load(): Promise<void>;
  versionsOf(id: string): Promise<ItemHistory[] | string>;
  onRetry(): void;
  onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onWithdraw(): Promise<void>;
  onCorrect(): Promise<void>;
  onHome(): void;
}

const WITHDRAW_ROLES: readonly StaffRole[] = ['leader', 'admin'];
const CORRECT_ROLES: readonly StaffRole[] = ['editor'];

/** The reason's message from the shared schema (`reason：请写明撤回理由` → `请写明撤回理由`), or '' when it is fine. */
function reasonError(checked: Result<unknown>): string {
  if (checked.ok) return '';
  const field = checked.fieldErrors?.find((f) => f.path === 'reason');
  return field ? field.message.replace(/^reason：/, '') : '';
}

function confirmWithdraw(title: string, reason: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '确认撤回',
      content: `撤回后公众将看不到“${title}”。撤回理由：${reason}`,
      confirmText: '撤回',
      confirmColor: '#b42318',
      cancelText: '取消',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

Page<ManageData, ManageCustom>({
  data: {
    elder: '',
    state: 'loading',
    message: '',
    title: '',
    indexNo: '',
    status: '',
    published: false,
    canWithdraw: false,
    canCorrect: false,
    versions: [],
    reason: '',
    busy: false,
    notice: '',
    noticeKind: '',
  },
  id: '',
  role: null,
  item: null,
  withdrawKey: '',
  correctKey: '',

  ...elderOnShow,

  onLoad(query: Record<string, string | undefined>) {
    this.id = decodeURIComponent(query.id ?? '');
    this.withdrawKey = newIdempotencyKey();
    this.correctKey = newIdempotencyKey();
    if (this.id === '') {
      this.setData({ state: 'error', message: '链接缺少信息编号，请从工作台重新打开' });
      return;
    }
    void this.load();
  },

  async load() {
    const me = await staffOpening(this);
    if (!me) return;
    this.role = me.role;
    const [item, versions] = await Promise.all([
      callChecked('items.get', getItemSchema, { id: this.id }) as Promise<Result<StaffItem>>,
      this.versionsOf(this.id),
    ]);
    if (!item.ok) {
      this.setData({ state: 'error', message: item.message });
      return;
    }
    if (typeof versions === 'string') {
      this.setData({ state: 'error', message: versions });
      return;
    }
    this.item = item.data;
    const published = item.data.status === 'published' && item.data.supersededBy === undefined;
    this.setData({
      state: 'ready',
      title: item.data.title,
      indexNo: item.data.indexNo ?? '',
      status: STATUS_LABELS[item.data.status],
      published,
      canWithdraw: published && WITHDRAW_ROLES.includes(me.role),
      canCorrect: published && CORRECT_ROLES.includes(me.role),
      versions: versionViews(versions),
    });
  },

  /** The item's history and those of the items it corrected, newest first; a failure's message otherwise. */
  async versionsOf(id) {
    const chain: ItemHistory[] = [];
    let next: string | null = id;
    while (next !== null && chain.length < MAX_VERSIONS) {
      const result: Result<ItemHistory> = await callChecked('items.history', getItemSchema, { id: next });
      if (!result.ok) return result.message;
      chain.push(result.data);
      next = result.data.correctionOf;
    }
    return chain;
  },

  onRetry() {
    void this.load();
  },

  onReason(e) {
    this.setData({
      reason: e.detail.value,
      ...(this.data.noticeKind === 'error' ? { notice: '', noticeKind: '' as const } : {}),
    });
  },

  async onWithdraw() {
    if (this.data.busy) return;
    const reason = this.data.reason.trim();
    const invalid = reasonError(parseWith(withdrawItemSchema, { id: this.id, reason }));
    if (invalid !== '') {
      this.setData({ notice: invalid, noticeKind: 'error' });
      return;
    }
    if (!(await confirmWithdraw(this.data.title, reason))) return;
    this.setData({ busy: true, notice: '' });
    const result = await callChecked(
      'items.withdraw',
      withdrawItemSchema,
      { id: this.id, reason: reason },
      this.withdrawKey,
    );
    if (!result.ok) {
      // A refused or failed withdrawal may be tried again as a new request.
      this.withdrawKey = newIdempotencyKey();
      this.setData({ busy: false, notice: result.message, noticeKind: 'error' });
      return;
    }
    this.setData({ busy: false, reason: '' });
    await this.load();
    this.setData({ notice: '已撤回，公众已看不到这条信息', noticeKind: 'done' });
  },

  async onCorrect() {
    if (this.data.busy || this.item === null) return;
    const reason = this.data.reason.trim();
    // The published content, as the editor would send it: the correction starts from what the public sees.
    const content = checkForm(formOf(this.item));
    if (!content.ok) {
      this.setData({ notice: content.message, noticeKind: 'error' });
      return;
    }
    const payload = { id: this.id, reason, content: content.content };
    const invalid = reasonError(parseWith(correctItemSchema, payload));
    if (invalid !== '') {
      this.setData({ notice: invalid, noticeKind: 'error' });
      return;
    }
    this.setData({ busy: true, notice: '' });
    const result = await callChecked('items.correct', correctItemSchema, payload, this.correctKey);
    this.setData({ busy: false });
    if (!result.ok) {
      this.correctKey = newIdempotencyKey();
      this.setData({ notice: result.message, noticeKind: 'error' });
      return;
    }
    // The correction is a draft with the published content: change it in the editor and send it for approval.
    this.correctKey = newIdempotencyKey();
    this.setData({ reason: '', notice: '已建立更正稿，请在编辑页修改后提交审核', noticeKind: 'done' });
    void wx.navigateTo({ url: `${EDIT_ROUTE}?id=${encodeURIComponent(result.data.id)}` });
  },

  onHome() {
    void wx.redirectTo({ url: HOME_ROUTE });
  },
});
