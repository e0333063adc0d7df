/**
 * 新机关开通 (staff/pages/setup/index): the one-time setup code (printed by `npm start` or the deploy script), the
 * organ's name and 统一社会信用代码, and the person's own name → organ.setup → they are the organ's first admin, and
 * go to the 工作台. Reached from the bind page; a WeChat user who is already staff is refused by the server.
 */
import type { FieldError } from 'gongkai-staff';
import { HOME_ROUTE } from '../../session';
import { creditCheck, errorsOf, type CreditCheck } from '../admin/view';
import { callChecked } from '../../../api/client';
import { setupSchema } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

type Field = 'code' | 'name' | 'creditCode' | 'displayName';

export interface SetupData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  code: string;
  name: string;
  creditCode: string;
  displayName: string;
  credit: CreditCheck | null;
  errors: Partial<Record<Field, string>>;
  busy: boolean;
  message: string;
}

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: Field }>;

interface SetupCustom {
  onInput(e: InputEvent): void;
  onSetup(): Promise<void>;
}

/** `organ.name` → name; the payload's other paths are the form's own. */
function formErrors(fieldErrors: readonly FieldError[] | undefined): SetupData['errors'] {
  const byPath = errorsOf(fieldErrors, 'organ');
  const out: SetupData['errors'] = {};
  for (const field of ['code', 'name', 'creditCode', 'displayName'] as const)
    if (byPath[field]) out[field] = byPath[field];
  return out;
}

Page<SetupData, SetupCustom>({
  data: {
    elder: '',
    code: '',
    name: '',
    creditCode: '',
    displayName: '',
    credit: null,
    errors: {},
    busy: false,
    message: '',
  },

  ...elderOnShow,

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    this.setData({ [field]: e.detail.value, [`errors.${field}`]: '', message: '' });
    if (field === 'creditCode') this.setData({ credit: creditCheck(e.detail.value) });
  },

  async onSetup() {
    if (this.data.busy) return;
    this.setData({ busy: true, message: '', errors: {} });
    const { code, name, creditCode, displayName } = this.data;
    const result = await callChecked('organ.setup', setupSchema, { code, organ: { name, creditCode }, displayName });
    if (!result.ok) {
      this.setData({ busy: false, errors: formErrors(result.fieldErrors), message: result.message });
      return;
    }
    this.setData({ busy: false });
    void wx.showToast({ title: `已开通，您是${result.data.roleLabel}`, icon: 'success' });
    void wx.redirectTo({ url: HOME_ROUTE });
  },
});
