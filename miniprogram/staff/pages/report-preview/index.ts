/**
 * The report exactly as citizens will see it (staff/pages/report-preview/index?year= for the draft being built,
 * ?id= for a published version): the reader's own view (pages/report/reader/view.ts) drawn with the reader's own
 * markup (components/report-view), under a banner that says it is a preview.
 */
import {
  describeCell,
  readerView,
  sectionAnchor,
  type NavItem,
  type SectionView,
} from '../../../pages/report/reader/view';
import type { PublishedReport, Result, SectionKey } from 'gongkai-core';
import { staffOpening } from '../../session';
import { callChecked } from '../../../api/client';
import { buildReportSchema, getPublishedReportSchema } from 'gongkai-core';

export type PreviewState = 'loading' | 'ready' | 'error';

export interface ReportPreviewData {
  state: PreviewState;
  message: string;
  banner: string;
  title: string;
  meta: string;
  nav: NavItem[];
  active: SectionKey | '';
  sections: SectionView[];
}

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;

interface ReportPreviewCustom {
  year: number;
  id: string;
  fetch(): Promise<Result<PublishedReport>>;
  load(): Promise<void>;
  onRetry(): void;
  onJump(e: Tap<{ key: SectionKey }>): void;
  onCellTap(e: Tap<{ i?: number; t?: string }>): void;
}

/** Height of the sticky jump bar and the banner, kept clear when jumping to a section. */
const JUMP_BAR_PX = 88;

Page<ReportPreviewData, ReportPreviewCustom>({
  data: { state: 'loading', message: '', banner: '', title: '', meta: '', nav: [], active: '', sections: [] },
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
      },
    };
  },

  async load() {
    const me = await staffOpening(this);
    if (!me) return;
    const result = await this.fetch();
    if (!result.ok) {
      this.setData({ state: 'error', message: result.message });
      return;
    }
    const view = readerView(result.data);
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
    const key = e.currentTarget.dataset.key;
    this.setData({ active: key });
    void wx.pageScrollTo({ selector: `#${sectionAnchor(key)}`, offsetTop: -JUMP_BAR_PX, duration: 200 });
  },

  onCellTap(e) {
    const { i, t } = e.currentTarget.dataset;
    const cell = typeof i === 'number' ? describeCell(i) : null;
    if (cell === null) return;
    void wx.showModal({
      title: `数值：${t ?? ''}`,
      content: `${cell.row}\n${cell.column}`,
      showCancel: false,
      confirmText: '知道了',
    });
  },
});
