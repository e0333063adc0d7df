/**
 * The records behind one number of the annual report (staff/pages/report-cell/index?year=&cell=), opened from the
 * builder's tables: each record in one line, by kind. Requests show their 申请编号, status and outcome only.
 */
import { NULL_MARK, cellRecordsSchema } from 'gongkai-staff';
import { staffOpening } from '../../session';
import { countText, recordGroups, type RecordGroup } from './view';
import { callChecked } from '../../../api/client';
import { elderOnShow } from '../../../styles/elder';

export type CellState = 'loading' | 'ready' | 'error';

export interface ReportCellData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: CellState;
  message: string;
  title: string;
  label: string;
  value: string;
  count: string;
  groups: RecordGroup[];
}

interface ReportCellCustom {
  year: number;
  cell: string;
  load(): Promise<void>;
  onRetry(): void;
}

Page<ReportCellData, ReportCellCustom>({
  data: { elder: '', state: 'loading', message: '', title: '', label: '', value: '', count: '', groups: [] },

  ...elderOnShow,

  year: 0,
  cell: '',

  onLoad(query: Record<string, string | undefined>) {
    this.year = Number(query.year);
    this.cell = decodeURIComponent(query.cell ?? '');
    void this.load();
  },

  async load() {
    const me = await staffOpening(this);
    if (!me) return;
    const result = await callChecked('reports.cellRecords', cellRecordsSchema, { year: this.year, cell: this.cell });
    if (!result.ok) {
      this.setData({
        state: 'error',
        message: result.code === 'VALIDATION' ? '链接有误：没有这个单元格，请从年度报告编制页打开。' : result.message,
      });
      return;
    }
    const view = result.data;
    this.setData({
      state: 'ready',
      title: `${view.year}年度报告`,
      label: view.label,
      value: view.value === null ? NULL_MARK : String(view.value),
      count: countText(view),
      groups: recordGroups(view),
    });
  },

  onRetry() {
    void this.load();
  },
});
