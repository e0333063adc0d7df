/**
 * 查询办理进度 (`?code=` prefills the 查询码): by 查询码 + the last 4 digits of the phone given in the request,
 * shows the status, the due date, each step, the notices and, once answered, the reply letter. Needs no sign-in.
 * `?id=` opens one of the user's own requests instead (from 我的, or a progress message): no code to type.
 */
import { errorsByField } from '../form';
import { callChecked } from '../../../api/client';
import { getProfileSchema, trackRequestSchema, viewRequestSchema } from 'gongkai-core';
import { elderOnShow } from '../../../styles/elder';
import { lostCodeHelp, toTrackView, type TrackView } from '../track-view';

export interface TrackData {
  queryCode: string;
  phoneLast4: string;
  errors: Record<string, string>;
  sending: boolean;
  message: string;
  view: TrackView | null;
  elder: string;
  /** Opened on one of the user's own requests: the code form is not shown. */
  own: boolean;
  /** 查询码丢失？: how to get a new one, shown on a tap. */
  lost: string[];
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>;

interface TrackCustom {
  busy: boolean;
  ownId: string;
  loadOwn(): Promise<void>;
  onInput(e: FieldEvent): void;
  onQuery(): Promise<void>;
  onLost(): Promise<void>;
}

Page<TrackData, TrackCustom>({
  data: {
    queryCode: '',
    phoneLast4: '',
    errors: {},
    sending: false,
    message: '',
    view: null,
    elder: '',
    own: false,
    lost: [],
  },
  busy: false,
  ownId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.busy = false;
    if (query.id) {
      this.ownId = decodeURIComponent(query.id);
      this.setData({ own: true });
      void this.loadOwn();
      return;
    }
    if (query.code) this.setData({ queryCode: decodeURIComponent(query.code).toUpperCase() });
  },

  async onPullDownRefresh() {
    if (this.ownId) await this.loadOwn();
    void wx.stopPullDownRefresh(); // only the spinner: a failure to stop it leaves nothing to handle
  },

  async loadOwn() {
    this.setData({ sending: true, message: '' });
    const result = await callChecked('requests.view', viewRequestSchema, { id: this.ownId });
    if (!result.ok) {
      this.setData({ sending: false, view: null, message: result.message });
      return;
    }
    this.setData({ sending: false, view: toTrackView({ view: 'applicant', ...result.data }) });
  },

  ...elderOnShow,

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
    const result = await callChecked('requests.track', trackRequestSchema, {
      queryCode: this.data.queryCode.trim(),
      phoneLast4: this.data.phoneLast4.trim(),
    });
    this.busy = false;
    if (!result.ok) {
      const errors = errorsByField(result.fieldErrors);
      this.setData({
        sending: false,
        errors,
        view: null,
        message: Object.keys(errors).length > 0 ? '' : result.message,
      });
      return;
    }
    this.setData({ sending: false, view: toTrackView(result.data) });
  },

  async onLost() {
    if (this.data.lost.length > 0) {
      this.setData({ lost: [] });
      return;
    }
    this.setData({ lost: lostCodeHelp(null) });
    // The office's address and phone when the profile answers; the help stands without them.
    const organ = await callChecked('organ.getProfile', getProfileSchema, {});
    if (organ.ok && this.data.lost.length > 0) this.setData({ lost: lostCodeHelp(organ.data) });
  },
});
