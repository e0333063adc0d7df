/**
 * The report exactly as citizens will see it (staff/pages/report-preview/index?year= for the draft being built,
 * ?id= for a published version, ?organId=&year= for the report an organ under the county sent it — read-only, as
 * `county.report` answers it: the report's own text and counts, nothing of an applicant): the reader's own view
 * (components/report-view/view.ts) drawn with the reader's own markup (components/report-view), under a banner that
 * says what it is.
 */
import { explainCell, jumpToSection } from '../../../components/report-view/taps';
import { EMPTY_READER_VIEW, readerView, type ReportViewData } from '../../../components/report-view/view';
import { readOrShow, type DataEvent } from '../../../kit/page-state';
import type { PublishedReport, ReportData, Result, SectionKey } from 'gongkai-staff';
import { staffOpening } from '../../session';
import { callChecked } from '../../../api/client';
import { buildReportSchema, countyOrganYearSchema, getPublishedReportSchema } from 'gongkai-staff';
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
  /** An organ under the county: its report as it reached the county. */
  organId: string;
  /** The banner over what was fetched. */
  banner: string;
  fetch(): Promise<Result<PublishedReport>>;
  fetchForCounty(): Promise<Result<PublishedReport>>;
  load(): Promise<void>;
  onRetry(): void;
  onJump(e: DataEvent<{ key: SectionKey }>): void;
  onCellTap(e: DataEvent<{ i?: number; t?: string }>): void;
}

/** A report not (or not yet) published, in the shape the reader's view takes. */
function unpublished(report: ReportData): PublishedReport {
  return {
    id: '',
    organId: '',
    organ: report.organ,
    year: report.year,
    publishedAt: '',
    version: 1,
    report,
    source: 'built',
    versions: [],
  };
}

/** Height of the sticky jump bar and the banner, kept clear when jumping to a section. */
const JUMP_BAR_PX = 88;

Page<ReportPreviewData, ReportPreviewCustom>({
  data: { ...EMPTY_READER_VIEW, elder: '', state: 'loading', message: '', banner: '', active: '' },

  ...elderOnShow,

  year: 0,
  id: '',
  organId: '',
  banner: '',

  onLoad(query: Record<string, string | undefined>) {
    this.id = decodeURIComponent(query.id ?? '');
    this.organId = decodeURIComponent(query.organId ?? '');
    this.year = Number(query.year);
    void this.load();
  },

  /** A published version as it is, the report an organ sent its county, or the draft as it would be published now. */
  async fetch() {
    if (this.id !== '') {
      this.banner = '公众在小程序中看到的就是这个样子';
      return callChecked('reports.getPublished', getPublishedReportSchema, { id: this.id });
    }
    if (this.organId !== '') return this.fetchForCounty();
    this.banner = '预览：发布后公众看到的样子（尚未发布，数字和正文以发布时为准）';
    const built = await callChecked('reports.build', buildReportSchema, { year: this.year });
    return built.ok ? { ok: true, data: unpublished(built.data.report) } : built;
  },

  async fetchForCounty() {
    const answer = await callChecked('county.report', countyOrganYearSchema, {
      organId: this.organId,
      year: this.year,
    });
    if (!answer.ok) return answer;
    const { report, row } = answer.data;
    if (!report)
      return { ok: false, code: 'NOT_FOUND', message: `报告尚未报送（${row.stateLabel}），报送后可查看全文` };
    this.banner =
      row.state === 'published'
        ? `${row.organ}已发布的报告（只读）`
        : `${row.organ}报送县级的报告（${row.stateLabel}，只读，尚未发布）`;
    return { ok: true, data: unpublished(report) };
  },

  async load() {
    const me = await staffOpening(this);
    if (!me) return;
    const report = readOrShow(this, await this.fetch());
    if (report === null) return;
    const view = readerView(report);
    this.setData({ state: 'ready', banner: this.banner, ...view, active: view.nav[0]?.key ?? '' });
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
