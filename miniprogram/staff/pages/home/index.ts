/**
 * 工作台 (staff/pages/home/index): who I am, my drafts (with a draft kept only on this phone), the items waiting for
 * my approval step (分管领导 step 0, 第一负责人 step 1) with a count, the requests due soon or overdue, last year's
 * annual report with its due date (a reminder as it nears), and the way to the desk, the registers and the report.
 * 微信提醒: on a tap, asks WeChat for the reminders that fit the role (view.ts REMINDER_PURPOSES) with the organ's
 * template ids, stores each accept and shows how many reminders are left.
 * Refreshed every time the page shows (after editing or approving).
 */
import type { StaffRole } from 'gongkai-staff';
import { missingLetterSettings } from '../admin/view';
import { loadDraft } from '../../drafts';
import { IMPORT_ROUTE } from '../report/view';
import {
  ADMIN_ROUTE,
  APPROVE_ROUTE,
  CALENDAR_ROUTE,
  CASES_ROUTE,
  COUNTY_ROUTE,
  DOCS_ROUTE,
  EDIT_ROUTE,
  REPORT_ROUTE,
  PEOPLE_ROUTE,
  REQUEST_ROUTE,
  REQUESTS_ROUTE,
  STATS_ROUTE,
  approves,
  checkStaff,
} from '../../session';
import {
  NO_TEMPLATES,
  REMINDER_PURPOSES,
  reminderLines,
  reportLine,
  requestLine,
  URGENT_SHOWN,
  workLine,
  type ReminderLine,
  type ReportLine,
  type WorkLine,
} from './view';
import { call, callChecked } from '../../../api/client';
import {
  getProfileSchema,
  grantReminderSchema,
  listItemsSchema,
  listRequestsSchema,
  reportStatusSchema,
} from 'gongkai-staff';
import { askSubscriptions } from '../../../api/subscribe';
import type { ReminderCounts, Result } from 'gongkai-staff';
import type { ItemPage, ListItemsInput } from 'gongkai-core';

/** The items in review the 工作台 reads at most (50 a page): far beyond a township's. */
const WAITING_PAGES = 10;
import { elderClass } from '../../../styles/elder';

export type HomeState = 'loading' | 'ready' | 'error';

export interface HomeData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: HomeState;
  message: string;
  name: string;
  roleLabel: string;
  canWrite: boolean;
  canApprove: boolean;
  /** The 机关管理 section: the organ's settings, people and calendar, and importing a past report. */
  isAdmin: boolean;
  /** For the admin: the letter settings still missing (条例 第五十一条), shown on top until set; '' when none. */
  letterSettingsMissing: string;
  drafts: WorkLine[];
  draftsError: string;
  localDraft: string;
  waiting: WorkLine[];
  waitingCount: number;
  waitingError: string;
  requestCounts: { open: number; atRisk: number; overdue: number };
  requestLines: (WorkLine & { urgent: boolean })[];
  requestsError: string;
  report: ReportLine | null;
  reportError: string;
  /** The 微信提醒 row: shown to roles that get reminders. */
  canRemind: boolean;
  reminders: ReminderLine[];
  remindersNote: string;
}

interface HomeCustom {
  loading: boolean;
  load(): Promise<void>;
  loadDrafts(): Promise<void>;
  loadWaiting(role: StaffRole): Promise<void>;
  loadRequests(): Promise<void>;
  loadReport(): Promise<void>;
  loadReminders(role: StaffRole, organId: string | null): Promise<void>;
  loadLetterSettings(): Promise<void>;
  onRemind(): Promise<void>;
  onRetry(): void;
  onRequests(): void;
  onRequest(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>): void;
  onRegister(
    e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { to: 'stats' | 'docs' | 'cases' }>,
  ): void;
  onAdmin(
    e: WechatMiniprogram.TouchEvent<
      Record<string, never>,
      Record<string, never>,
      { to: 'admin' | 'people' | 'calendar' | 'import' }
    >,
  ): void;
  onNew(): void;
  onLocalDraft(): void;
  onDraft(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>): void;
  onWaiting(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>): void;
  onReport(): void;
}

Page<HomeData, HomeCustom>({
  data: {
    elder: '',
    state: 'loading',
    message: '',
    name: '',
    roleLabel: '',
    canWrite: false,
    canApprove: false,
    isAdmin: false,
    letterSettingsMissing: '',
    drafts: [],
    draftsError: '',
    localDraft: '',
    waiting: [],
    waitingCount: 0,
    waitingError: '',
    requestCounts: { open: 0, atRisk: 0, overdue: 0 },
    requestLines: [],
    requestsError: '',
    report: null,
    reportError: '',
    canRemind: false,
    reminders: [],
    remindersNote: '',
  },
  loading: false,

  onShow() {
    this.setData({ elder: elderClass() });
    void this.load();
  },

  async onPullDownRefresh() {
    await this.load();
    void wx.stopPullDownRefresh(); // only the spinner: a failure to stop it leaves nothing to handle
  },

  async load() {
    if (this.loading) return;
    this.loading = true;
    try {
      if (this.data.state !== 'ready') this.setData({ state: 'loading', message: '' });
      const who = await checkStaff();
      if (who.kind === 'citizen') return;
      if (who.kind === 'error') {
        this.setData({ state: 'error', message: who.message });
        return;
      }
      const { role, roleLabel, displayName, organId } = who.me;
      // The county role has no organ work of its own here: its page is the county view.
      if (role === 'county') {
        void wx.redirectTo({ url: COUNTY_ROUTE });
        return;
      }
      const canWrite = role === 'editor';
      const canApprove = approves(role);
      const canRemind = REMINDER_PURPOSES[role].length > 0;
      const local = loadDraft(null);
      this.setData({
        state: 'ready',
        name: displayName ?? '',
        roleLabel,
        canWrite,
        canApprove,
        isAdmin: role === 'admin',
        canRemind,
        localDraft: canWrite && local !== null ? local.form.title || '（未命名）' : '',
      });
      await Promise.all([
        canWrite ? this.loadDrafts() : Promise.resolve(),
        canApprove ? this.loadWaiting(role) : Promise.resolve(),
        this.loadRequests(),
        this.loadReport(),
        canRemind ? this.loadReminders(role, organId) : Promise.resolve(),
        role === 'admin' ? this.loadLetterSettings() : Promise.resolve(),
      ]);
    } finally {
      this.loading = false;
    }
  },

  async loadLetterSettings() {
    const result = await call('organ.settings', {});
    // A failure leaves the banner off: the settings page itself says what is wrong.
    this.setData({ letterSettingsMissing: result.ok ? missingLetterSettings(result.data).join('、') : '' });
  },

  async loadDrafts() {
    const result = await callChecked('items.list', listItemsSchema, { status: 'draft', pageSize: 50 });
    if (!result.ok) {
      this.setData({ draftsError: result.message });
      return;
    }
    this.setData({ drafts: result.data.items.map(workLine), draftsError: '' });
  },

  async loadWaiting(role) {
    // Which items wait for my step is known per item (its own chain and step): every page of the items in review
    // is read, by cursor, so none waiting for me is missed behind the first 50.
    const mine: WorkLine[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < WAITING_PAGES; pages++) {
      const page: ListItemsInput = { status: 'inReview', pageSize: 50, ...(cursor ? { cursor } : {}) };
      const result: Result<ItemPage> = await callChecked('items.list', listItemsSchema, page);
      if (!result.ok) {
        this.setData({ waitingError: result.message });
        return;
      }
      mine.push(...result.data.items.filter((s) => s.waitingFor === role).map(workLine));
      cursor = result.data.cursor;
      if (!result.data.more) break;
    }
    this.setData({ waiting: mine, waitingCount: mine.length, waitingError: '' });
  },

  async loadRequests() {
    // The desk's first page is ordered by urgency; its counts cover every open request.
    const result = await callChecked('requests.list', listRequestsSchema, { page: 1, pageSize: 10 });
    if (!result.ok) {
      this.setData({ requestsError: result.message });
      return;
    }
    const open = result.data.list.filter((r) => r.status !== 'answered' && r.status !== 'closed');
    this.setData({
      requestCounts: result.data.counts,
      requestLines: open.slice(0, URGENT_SHOWN).map(requestLine),
      requestsError: '',
    });
  },

  async loadReport() {
    const result = await callChecked('reports.status', reportStatusSchema, {});
    if (!result.ok) {
      this.setData({ reportError: result.message, report: null });
      return;
    }
    this.setData({ report: reportLine(result.data), reportError: '' });
  },

  async loadReminders(role, organId) {
    const [profile, counts] = await Promise.all([
      callChecked('organ.getProfile', getProfileSchema, organId ? { organId } : {}),
      call('organ.reminders', {}),
    ]);
    if (!profile.ok) {
      this.setData({ reminders: [], remindersNote: profile.message });
      return;
    }
    const lines = reminderLines(role, profile.data.templateIds ?? {}, counts.ok ? counts.data : null);
    this.setData({
      reminders: lines,
      remindersNote: lines.length === 0 ? NO_TEMPLATES : counts.ok ? '' : counts.message,
    });
  },

  async onRemind() {
    const lines = this.data.reminders;
    if (lines.length === 0) return;
    // Straight from the tap, nothing awaited before: WeChat shows the dialog only for a tap.
    const templateIds = [...new Set(lines.map((l) => l.templateId))];
    const answers = await askSubscriptions(templateIds);
    let counts: ReminderCounts | null = null;
    let failure = '';
    for (const templateId of templateIds) {
      // One accept allows one message: a template the organ uses for two purposes counts for the first.
      const line = lines.find((l) => l.templateId === templateId);
      if (!line || answers[templateId] !== 'accept') continue;
      const granted = await callChecked('organ.grantReminder', grantReminderSchema, {
        purpose: line.purpose,
        templateId: templateId,
      });
      if (granted.ok) counts = granted.data;
      else failure = granted.message;
    }
    const after = counts;
    if (after) this.setData({ reminders: lines.map((l) => ({ ...l, left: after[l.purpose] })), remindersNote: '' });
    void wx.showToast({
      title: failure || (after ? '已开启，有新事项时微信会提醒您' : '未开启提醒，可随时再点此开启'),
      icon: 'none',
    });
  },

  onRetry() {
    void this.load();
  },

  onRequests() {
    void wx.navigateTo({ url: REQUESTS_ROUTE });
  },

  onRequest(e) {
    void wx.navigateTo({ url: `${REQUEST_ROUTE}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },

  onRegister(e) {
    const routes = { stats: STATS_ROUTE, docs: DOCS_ROUTE, cases: CASES_ROUTE };
    void wx.navigateTo({ url: routes[e.currentTarget.dataset.to] });
  },

  onAdmin(e) {
    const routes = { admin: ADMIN_ROUTE, people: PEOPLE_ROUTE, calendar: CALENDAR_ROUTE, import: IMPORT_ROUTE };
    void wx.navigateTo({ url: routes[e.currentTarget.dataset.to] });
  },

  onNew() {
    void wx.navigateTo({ url: EDIT_ROUTE });
  },

  onLocalDraft() {
    void wx.navigateTo({ url: EDIT_ROUTE });
  },

  onDraft(e) {
    void wx.navigateTo({ url: `${EDIT_ROUTE}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },

  onWaiting(e) {
    void wx.navigateTo({ url: `${APPROVE_ROUTE}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },

  onReport() {
    void wx.navigateTo({ url: REPORT_ROUTE });
  },
});
