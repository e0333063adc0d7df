/**
 * The report exactly as citizens will see it (staff/pages/report-preview/index?year= for the draft being built,
 * ?id= for a published version): the reader's own view (components/report-view/view.ts) drawn with the reader's own
 * markup (components/report-view), under a banner that says it is a preview.
 */
import { explainCell, jumpToSection } from '../../../components/report-view/taps';
import { EMPTY_READER_VIEW, readerView, type ReportViewData } from '../../../components/report-view/view';
import { readOrShow, type DataEvent } from '../../../kit/page-state';
import type { PublishedReport, Result, SectionKey } from 'gongkai-staff';
import { staffOpening } from '../../session';
import { callChecked } from '../../../api/client';
import { buildReportSchema, getPublishedReportSchema } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export type PreviewState = 'loading' | 'ready' | 'error';

export interface ReportPreviewData extends ReportViewData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: PreviewState;
  message: string;
  banner: string;
}

interface ReportPreviewCustom {
  year: number;
  id: string;
  fetch(): Promise<Result<PublishedReport>>;
  load(): Promise<void>;
  onRetry(): void;
  onJump(e: DataEvent<{ key: SectionKey }>): void;
  onCellTap(e: DataEvent<{ i?: number; t?: string }>): void;
}

/** Height of the sticky jump bar and the banner, kept clear when jumping to a section. */
const JUMP_BAR_PX = 88;

Page<ReportPreviewData, ReportPreviewCustom>({
  data: { ...EMPTY_READER_VIEW, elder: '', state: 'loading', message: '', banner: '', active: '' },

  ...elderOnShow,

  year: 0,
  id: '',

  onLoad(query: Record<string, string | undefined>) {
    this.id = decodeURIComponent(query.id ?? '');
    this.year = Number(query.year);
    void this.load();
  },

  /** A published version as it is, or the draft as it would be published now. */
  async fetch() {
    if (this.id !== '') return callChecked('reports.getPublished', getPublishedReportSchema, { id: this.id });
    const built = await callChecked('reports.build', buildReportSchema, { year: this.year });
    if (!built.ok) return built;
    const { report } = built.data;
    return {
      ok: true,
      data: {
        id: '',
        organId: '',
        organ: report.organ,
        year: report.year,
        publishedAt: '',
        version: 1,
        report,
        source: 'built',
        versions: [],
      },
    };
  },

  async load() {
    const me = await staffOpening(this);
    if (!me) return;
    const report = readOrShow(this, await this.fetch());
    if (report === null) return;
    const view = readerView(report);
    const banner =
      this.id !== ''
        ? '公众在小程序中看到的就是这个样子'
        : '预览：发布后公众看到的样子（尚未发布，数字和正文以发布时为准）';
    this.setData({ state: 'ready', banner, ...view, active: view.nav[0]?.key ?? '' });
  },

  onRetry() {
    void this.load();
  },

  onJump(e) {
    jumpToSection(this, e.currentTarget.dataset.key, JUMP_BAR_PX);
  },

  onCellTap(e) {
    explainCell(e.currentTarget.dataset);
  },
});
