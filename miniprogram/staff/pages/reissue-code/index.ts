/**
 * 补发查询码 (staff/pages/reissue-code/index?id=), from a request's page: a citizen who lost the 查询码 comes to the
 * office; the clerk checks the person face to face (the applicant with the document, or an agent with the power of
 * attorney and both documents), types the last four characters of the document number as shown and a note, and
 * `requests.reissueCode` issues a new code only if they match the request's (the old code stops working). The
 * check is kept with the request; the new code is shown this once, to hand over or copy.
 */
import { getRequestSchema, reissueCodeSchema, type IdentityCheckMethod } from 'gongkai-staff';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { formPageStart, readOrShow, retryHandler, type OpensByStart } from '../../../kit/page-state';
import type { DataEvent, FormPageData, InputEvent } from '../../../kit/page-state';
import { errorsByField } from '../../../pages/request/form';
import { elderOnShow } from '../../../styles/elder';
import { staffOpening } from '../../session';
import { METHODS, reissueLines, whoLines, type Line } from './view';

export interface ReissueData extends FormPageData {
  elder: string;
  who: Line[];
  before: Line[];
  methods: { key: IdentityCheckMethod; label: string }[];
  method: IdentityCheckMethod | '';
  idLast4: string;
  note: string;
  errors: Record<string, string>;
  /** The new code, shown once. */
  done: { applicationNo: string; queryCode: string; text: string } | null;
}

interface ReissueCustom extends OpensByStart {
  id: string;
  key: string;
  onMethod(e: DataEvent<{ key: IdentityCheckMethod }>): void;
  onInput(e: InputEvent<{ field: 'idLast4' | 'note' }>): void;
  onSubmit(): Promise<void>;
  onCopy(): void;
}

Page<ReissueData, ReissueCustom>({
  data: {
    elder: '',
    ...formPageStart(),
    who: [],
    before: [],
    methods: METHODS,
    method: '',
    idLast4: '',
    note: '',
    errors: {},
    done: null,
  },
  id: '',
  key: '',
  ...retryHandler,

  onLoad(query: Record<string, string | undefined>) {
    this.id = decodeURIComponent(query.id ?? '');
    this.key = newIdempotencyKey();
    void this.start();
  },

  ...elderOnShow,

  async start() {
    if (!(await staffOpening(this))) return;
    const r = readOrShow(this, await callChecked('requests.get', getRequestSchema, { id: this.id }));
    if (r === null) return;
    this.setData({ state: 'ready', who: whoLines(r), before: reissueLines(r.codeReissues) });
  },

  onMethod(e) {
    this.setData({ method: e.currentTarget.dataset.key, 'errors.method': '' });
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
  },

  async onSubmit() {
    if (this.data.busy || this.data.done) return;
    this.setData({ busy: true, errors: {}, notice: '', noticeKind: '' });
    const { method, idLast4, note } = this.data;
    const check = { method, idLast4, ...(note.trim() === '' ? {} : { note }) } as never;
    const result = await callChecked('requests.reissueCode', reissueCodeSchema, { id: this.id, check }, this.key);
    if (!result.ok) {
      // Nothing was reissued: a new try is a new request.
      this.key = newIdempotencyKey();
      this.setData({
        busy: false,
        errors: errorsByField(result.fieldErrors),
        notice: result.message,
        noticeKind: 'error',
      });
      return;
    }
    const { applicationNo, queryCode } = result.data;
    const text = `申请编号：${applicationNo}\n新查询码：${queryCode}\n原查询码已失效。凭新查询码和所留电话的后四位查询办理进度。`;
    this.setData({
      busy: false,
      done: { applicationNo, queryCode, text },
      notice: '已补发查询码',
      noticeKind: 'saved',
    });
  },

  onCopy() {
    if (this.data.done) void wx.setClipboardData({ data: this.data.done.text });
  },
});
