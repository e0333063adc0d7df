/**
 * 查询办理进度 (`?code=` prefills the 查询码): by 查询码 + the last 4 digits of the phone given in the request,
 * shows the status, the due date, each step and, once answered, the reply letter. Needs no sign-in.
 */
import { errorsByField } from '../form';
import { trackRequest } from '../../../api/requests';
import { elderClass } from '../../../styles/elder';
import { toTrackView, type TrackView } from '../track-view';

export interface TrackData {
  queryCode: string;
  phoneLast4: string;
  errors: Record<string, string>;
  sending: boolean;
  message: string;
  view: TrackView | null;
  elder: string;
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>;

interface TrackCustom {
  busy: boolean;
  onInput(e: FieldEvent): void;
  onQuery(): Promise<void>;
}

Page<TrackData, TrackCustom>({
  data: { queryCode: '', phoneLast4: '', errors: {}, sending: false, message: '', view: null, elder: '' },
  busy: false,

  onLoad(query: Record<string, string | undefined>) {
    this.busy = false;
    if (query.code) this.setData({ queryCode: decodeURIComponent(query.code).toUpperCase() });
  },

  onShow() {
    this.setData({ elder: elderClass() });
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    if (field !== 'queryCode' && field !== 'phoneLast4') return;
    const value = field === 'queryCode' ? e.detail.value.toUpperCase() : e.detail.value;
    this.setData({ [field]: value, [`errors.${field}`]: '' } as Partial<TrackData>);
  },

  async onQuery() {
    if (this.busy) return;
    this.busy = true;
    this.setData({ sending: true, message: '', errors: {} });
    const result = await trackRequest(this.data.queryCode, this.data.phoneLast4);
    this.busy = false;
    if (!result.ok) {
      const errors = errorsByField(result.fieldErrors);
      this.setData({ sending: false, errors, view: null, message: Object.keys(errors).length > 0 ? '' : result.message });
      return;
    }
    this.setData({ sending: false, view: toTrackView(result.data) });
  },
});
