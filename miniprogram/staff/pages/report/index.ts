/**
 * 年度报告编制 (staff/pages/report/index?year=): the year's report built from the records — its state and due
 * date, the three tables (a non-zero number opens the records behind it), the findings by level (a tap scrolls
 * to its cell and marks it), the narrative per section with last year's text under it, saved with its version;
 * then 提交审批, and 通过 / 退回 for the reviewer and the leader. Who may act at which step is the server's
 * decision: the page sends and shows its refusal. Once published: the share link, the HTML export, 导出 Word (the
 * reports function renders the .docx into cloud storage; the page downloads and opens it) and 更正 (the editor
 * reopens it with a reason; the corrected version is published through the chain with that reason).
 */
import {
  ROLE_LABELS,
  type Sections,
  type StaffRole,
  buildReportSchema,
  correctReportSchema,
  exportDocxSchema,
  exportHtmlSchema,
  rejectReportSchema,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
} from 'gongkai-staff';
import { DEV_SERVER } from '../../../config/index';
import { staffOpening, stepName } from '../../session';
import { todayIso, yearOptions } from '../../records';
import {
  IMPORT_ROUTE,
  PREVIEW_ROUTE,
  READER_PATH,
  builderTables,
  cellRoute,
  dueText,
  editorRows,
  groupFindings,
  isNonZero,
  problemsRepeat,
  type EditorRow,
  type FindingGroup,
  type TableBlock,
} from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { refusalOf } from '../../../kit/page-state';
import { loadLateSummary, type LateSummary } from './late';
import type { BuiltReportView, ReportState, ReportStatus } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';
import { download } from '../../../api/files';
import { openDocumentFile } from '../../../pages/item/files';

export type BuilderState = 'loading' | 'ready' | 'error';

export interface ReportBuilderData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: BuilderState;
  message: string;
  years: string[];
  yearIndex: number;
  year: number;
  status: ReportState;
  stateLabel: string;
  due: string;
  overdue: boolean;
  tables: TableBlock[];
  /** Index of the cell a tapped finding points at (highlighted), -1 for none. */
  mark: number;
  groups: FindingGroup[];
  errorCount: number;
  editors: EditorRow[];
  /** The check's finding that 五 repeats last year's text, '' when it does not. */
  repeatWarning: string;
  /** The year before has no published report: offer to import it (its carry-over and 五 are checked against it). */
  lastYearMissing: boolean;
  canEdit: boolean;
  canApprove: boolean;
  /** Shown to an approver when the current step is somebody else's (the server will refuse). */
  stepHint: string;
  dirty: boolean;
  busy: boolean;
  notice: string;
  rejectReason: string;
  /** 更正: offered to the editor once published; why the published version is being corrected. */
  canCorrect: boolean;
  correctReason: string;
  publishedId: string;
  previewUrl: string;
  readerPath: string;
  /** 条例 第二十六条: the year's items published late, shown beside 五 (null until read, or unreadable). */
  late: LateSummary | null;
}

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;
type Input<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  { value: string },
  Record<string, never>,
  D
>;

interface ReportBuilderCustom {
  /** The narrative as typed; setData only when it is reloaded (no round trip per keystroke). */
  texts: Sections | null;
  version: number;
  role: StaffRole | null;
  submitKey: string;
  approveKey: string;
  rejectKey: string;
  correctKey: string;
  load(notice?: string): Promise<void>;
  show(built: BuiltReportView, status: ReportStatus, role: StaffRole, roleLabel: string, notice: string): void;
  save(): Promise<boolean>;
  htmlOrTell(): Promise<{ html: string; fileName: string } | null>;
  onRetry(): void;
  onYear(e: WechatMiniprogram.PickerChange): void;
  onInput(e: Input<{ key: keyof Sections }>): void;
  onReason(e: Input<Record<string, never>>): void;
  onFinding(e: Tap<{ cell: number; to?: string }>): void;
  onCellTap(e: Tap<{ i?: number; t?: string }>): void;
  onSave(): Promise<void>;
  onSubmit(): Promise<void>;
  onApprove(): Promise<void>;
  onReject(): Promise<void>;
  onPreview(): void;
  onImport(): void;
  onCopyLink(): void;
  onCopyHtml(): Promise<void>;
  onSaveHtml(): Promise<void>;
  onExportWord(): Promise<void>;
  onCorrectReason(e: Input<Record<string, never>>): void;
  onCorrect(): Promise<void>;
}

const YEAR_CHOICES = 6;
/** Space for the navigation bar when scrolling a cell into view. */
const SCROLL_OFFSET_PX = -96;

function thisYear(): number {
  return Number(todayIso().slice(0, 4));
}

function years(): number[] {
  return yearOptions(thisYear(), YEAR_CHOICES);
}

/** The local server's web preview; none on CloudBase, where the organ's portal carries the exported HTML. */
function previewUrl(id: string): string {
  const app = getApp<{ globalData?: { transport?: string | null } }>();
  return app?.globalData?.transport === 'cloud' ? '' : `${DEV_SERVER}/reports/${encodeURIComponent(id)}`;
}

Page<ReportBuilderData, ReportBuilderCustom>({
  data: {
    elder: '',
    state: 'loading',
    message: '',
    years: [],
    yearIndex: 1,
    year: 0,
    status: 'draft',
    stateLabel: '',
    due: '',
    overdue: false,
    tables: [],
    mark: -1,
    groups: [],
    errorCount: 0,
    editors: [],
    repeatWarning: '',
    lastYearMissing: false,
    canEdit: false,
    canApprove: false,
    stepHint: '',
    dirty: false,
    busy: false,
    notice: '',
    rejectReason: '',
    canCorrect: false,
    correctReason: '',
    publishedId: '',
    previewUrl: '',
    readerPath: '',
    late: null,
  },
  texts: null,
  version: 0,
  role: null,
  submitKey: '',
  approveKey: '',
  rejectKey: '',
  correctKey: '',

  ...elderOnShow,

  onLoad(query: Record<string, string | undefined>) {
    const choices = years();
    const asked = Number(query.year);
    // Last year by default: the report due in the first weeks of this year.
    const index = Math.max(
      0,
      choices.indexOf(Number.isInteger(asked) && choices.includes(asked) ? asked : thisYear() - 1),
    );
    this.submitKey = newIdempotencyKey();
    this.approveKey = newIdempotencyKey();
    this.rejectKey = newIdempotencyKey();
    this.correctKey = newIdempotencyKey();
    this.setData({ years: choices.map((y) => `${y}年度`), yearIndex: index, year: choices[index] ?? thisYear() - 1 });
    void this.load();
  },

  async load(notice = '') {
    const me = await staffOpening(this);
    if (!me) return;
    const year = this.data.year;
    const [built, status] = await Promise.all([
      callChecked('reports.build', buildReportSchema, { year: year }),
      callChecked('reports.status', reportStatusSchema, { year: year }),
    ]);
    if (!built.ok || !status.ok) {
      this.setData({ state: 'error', message: !built.ok ? built.message : !status.ok ? status.message : '' });
      return;
    }
    this.show(built.data, status.data, me.role, me.roleLabel, notice);
    // 条例 第二十六条's late items, beside 五: read after the report shows, dropped if the year changed meanwhile.
    void loadLateSummary(year).then((late) => {
      if (this.data.year === year) this.setData({ late });
    });
  },

  show(built, status, role, roleLabel, notice) {
    this.texts = { ...built.report.sections };
    this.version = built.version;
    this.role = role;
    const step = built.step;
    // The chain is the organ's (the draft's own once submitted): who approves is not fixed in the page.
    const needed = step === null ? undefined : built.chain[step];
    const approver = (built.chain as readonly StaffRole[]).includes(role);
    // A published version (built here or imported) can be shared even while a correction is being written.
    const publishedId = status.publishedId ?? '';
    const published = publishedId !== '';
    this.setData({
      state: 'ready',
      status: built.status,
      stateLabel: status.stepLabel,
      due: dueText(status.dueDate, status.daysLeft, status.status === 'published'),
      overdue: status.status !== 'published' && status.daysLeft < 0,
      tables: builderTables(built.report.cells),
      mark: -1,
      groups: groupFindings(built.findings),
      errorCount: built.findings.filter((f) => f.level === 'error').length,
      editors: editorRows(built.report.sections, built.lastYearSections),
      repeatWarning: problemsRepeat(built.findings),
      lastYearMissing: built.lastYearSections === null,
      canEdit: built.status === 'draft' && role === 'editor',
      canApprove: built.status === 'inReview' && approver,
      canCorrect: built.status === 'published' && published && role === 'editor',
      stepHint:
        built.status === 'inReview' && approver && needed !== undefined && needed !== role
          ? `当前环节应由${ROLE_LABELS[needed]}办理（您是${roleLabel}）`
          : '',
      dirty: false,
      busy: false,
      notice,
      publishedId,
      previewUrl: published ? previewUrl(publishedId) : '',
      readerPath: published ? `${READER_PATH}?id=${encodeURIComponent(publishedId)}` : '',
    });
  },

  onRetry() {
    void this.load();
  },

  onYear(e) {
    const index = Number(e.detail.value);
    const year = years()[index];
    if (year === undefined || year === this.data.year) return;
    this.setData({ yearIndex: index, year });
    void this.load();
  },

  onInput(e) {
    if (this.texts === null) return;
    this.texts[e.currentTarget.dataset.key] = e.detail.value;
    if (!this.data.dirty) this.setData({ dirty: true, notice: '' });
  },

  onReason(e) {
    this.setData({ rejectReason: e.detail.value });
  },

  onFinding(e) {
    const to = e.currentTarget.dataset.to;
    if (to) {
      void wx.pageScrollTo({ selector: `#${to}`, offsetTop: SCROLL_OFFSET_PX, duration: 200 });
      return;
    }
    const cell = Number(e.currentTarget.dataset.cell);
    if (!Number.isInteger(cell) || cell < 0) return;
    this.setData({ mark: cell });
    void wx.pageScrollTo({ selector: `#cell-${cell}`, offsetTop: SCROLL_OFFSET_PX, duration: 200 });
  },

  onCellTap(e) {
    const { i, t } = e.currentTarget.dataset;
    if (typeof i !== 'number' || i < 0 || !isNonZero(t ?? '')) return;
    void wx.navigateTo({ url: cellRoute(this.data.year, i) });
  },

  /** Saves the narrative with the version it was read at; on CONFLICT tells and reloads the newer text. */
  async save() {
    if (this.texts === null) return false;
    const result = await callChecked('reports.saveNarrative', saveNarrativeSchema, {
      year: this.data.year,
      version: this.version,
      sections: this.texts,
    });
    if (result.ok) {
      this.version = result.data.version;
      return true;
    }
    if (result.code === 'CONFLICT') {
      await this.load(`${result.message}（已重新载入最新内容）`);
      return false;
    }
    this.setData({ busy: false, notice: result.fieldErrors?.[0]?.message ?? result.message });
    return false;
  },

  async onSave() {
    if (this.data.busy) return;
    this.setData({ busy: true, notice: '' });
    // Reloaded after saving: the findings follow the new text (五 repeating last year's, 六's 信息处理费…).
    if (await this.save()) await this.load('已保存');
  },

  async onSubmit() {
    if (this.data.busy) return;
    this.setData({ busy: true, notice: '' });
    if (this.data.dirty && !(await this.save())) return;
    const result = await callChecked('reports.submit', reportStepSchema, { year: this.data.year }, this.submitKey);
    if (!result.ok) {
      this.submitKey = newIdempotencyKey();
      this.setData({ busy: false, notice: result.message });
      return;
    }
    this.submitKey = newIdempotencyKey();
    await this.load(`已提交审批，等待${stepName(result.data.waitingFor) ?? '下一步审批'}`);
  },

  async onApprove() {
    if (this.data.busy) return;
    this.setData({ busy: true, notice: '' });
    const result = await callChecked('reports.approve', reportStepSchema, { year: this.data.year }, this.approveKey);
    // A refused or failed approval may be tried again as a new request; so may the next step's.
    this.approveKey = newIdempotencyKey();
    if (!result.ok) {
      this.setData({ busy: false, notice: result.message });
      return;
    }
    const message =
      result.data.status === 'published'
        ? '已审批通过并发布'
        : `已审核通过，等待${stepName(result.data.waitingFor) ?? '下一步审批'}`;
    await this.load(message);
  },

  async onReject() {
    if (this.data.busy) return;
    this.setData({ busy: true, notice: '' });
    const result = await callChecked(
      'reports.reject',
      rejectReportSchema,
      { year: this.data.year, comment: this.data.rejectReason },
      this.rejectKey,
    );
    this.rejectKey = newIdempotencyKey();
    if (!result.ok) {
      this.setData({ busy: false, notice: refusalOf(result, 'comment') });
      return;
    }
    this.setData({ rejectReason: '' });
    await this.load('已退回发起人修改');
  },

  onPreview() {
    // The version citizens read once published; before that (or while a correction is written) the draft.
    const published = this.data.status === 'published' && this.data.publishedId !== '';
    const query = published ? `id=${encodeURIComponent(this.data.publishedId)}` : `year=${this.data.year}`;
    void wx.navigateTo({ url: `${PREVIEW_ROUTE}?${query}` });
  },

  onImport() {
    void wx.navigateTo({ url: IMPORT_ROUTE });
  },

  onCopyLink() {
    const lines = [
      `小程序页面：${this.data.readerPath}`,
      ...(this.data.previewUrl === '' ? [] : [`网页预览：${this.data.previewUrl}`]),
    ];
    void wx.setClipboardData({ data: lines.join('\n') });
  },

  async htmlOrTell() {
    if (this.data.busy || this.data.publishedId === '') return null;
    this.setData({ busy: true, notice: '' });
    const result = await callChecked('reports.exportHtml', exportHtmlSchema, { id: this.data.publishedId });
    this.setData({ busy: false, notice: result.ok ? '' : result.message });
    return result.ok ? result.data : null;
  },

  async onCopyHtml() {
    const exported = await this.htmlOrTell();
    if (exported === null) return;
    void wx.setClipboardData({ data: exported.html });
    this.setData({ notice: '网页代码已复制，可粘贴到门户网站的信息发布系统' });
  },

  /** Written to the app's own files and handed to a chat (e.g. 文件传输助手), to be saved on a computer. */
  async onSaveHtml() {
    const exported = await this.htmlOrTell();
    if (exported === null) return;
    const filePath = `${wx.env.USER_DATA_PATH}/${exported.fileName}`;
    try {
      wx.getFileSystemManager().writeFileSync(filePath, exported.html, 'utf8');
      await wx.shareFileMessage({ filePath, fileName: exported.fileName });
    } catch {
      this.setData({ notice: '未能保存文件，请改用“复制网页代码”' });
    }
  },

  /** 导出 Word: rendered into cloud storage by the reports function, downloaded and opened (forward or save from its menu). */
  async onExportWord() {
    if (this.data.busy || this.data.publishedId === '') return;
    this.setData({ busy: true, notice: '' });
    const result = await callChecked('reports.exportDocx', exportDocxSchema, { id: this.data.publishedId });
    if (!result.ok) {
      this.setData({ busy: false, notice: result.message });
      return;
    }
    const { fileID, url, fileName } = result.data;
    try {
      // A cloud file id downloads through wx.cloud (no download domain to configure); the local server's by its link.
      const filePath = await download(fileID.startsWith('cloud://') ? fileID : url);
      await openDocumentFile(filePath, fileName, '无法打开 Word 文件，请稍后重试');
      this.setData({ busy: false });
    } catch (error) {
      this.setData({ busy: false, notice: error instanceof Error ? error.message : '无法打开 Word 文件' });
    }
  },

  onCorrectReason(e) {
    this.setData({ correctReason: e.detail.value });
  },

  async onCorrect() {
    if (this.data.busy) return;
    this.setData({ busy: true, notice: '' });
    const payload = { year: this.data.year, reason: this.data.correctReason };
    const result = await callChecked('reports.correct', correctReportSchema, payload, this.correctKey);
    this.correctKey = newIdempotencyKey();
    if (result.ok) {
      this.setData({ correctReason: '' });
      await this.load('已打开为草稿：修改后提交审批，通过后发布为新版本（原版本在此之前仍公开）');
    } else this.setData({ busy: false, notice: refusalOf(result, 'reason') });
  },
});
