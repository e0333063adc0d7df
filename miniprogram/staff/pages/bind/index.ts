/**
 * 绑定工作人员 (staff/pages/bind/index?code=): the invitation code from the organ's admin (typed, scanned with
 * wx.scanCode, or in the page link) and the person's name → organ.bind → the role. Every staff page sends a
 * WeChat user who is not staff here.
 */
import { HOME_ROUTE, SETUP_ROUTE } from '../../session';
import { inviteCodeOf } from './code';
import { callChecked } from '../../../api/client';
import { bindSchema } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export interface BindData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  code: string;
  name: string;
  errors: { code?: string; displayName?: string };
  busy: boolean;
  message: string;
  bound: boolean;
  roleLabel: string;
}

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

interface BindCustom {
  onCode(e: InputEvent): void;
  onName(e: InputEvent): void;
  onScan(): void;
  onBind(): Promise<void>;
  onHome(): void;
  onSetup(): void;
}

function stripPath(path: string, message: string): string {
  return message.startsWith(`${path}：`) ? message.slice(path.length + 1) : message;
}

Page<BindData, BindCustom>({
  data: { elder: '', code: '', name: '', errors: {}, busy: false, message: '', bound: false, roleLabel: '' },

  ...elderOnShow,

  onLoad(query: Record<string, string | undefined>) {
    if (query.code) this.setData({ code: inviteCodeOf(decodeURIComponent(query.code)) });
  },

  onCode(e) {
    this.setData({ code: e.detail.value, 'errors.code': '' });
  },

  onName(e) {
    this.setData({ name: e.detail.value, 'errors.displayName': '' });
  },

  onScan() {
    wx.scanCode({
      scanType: ['qrCode', 'barCode'],
      success: (res) => this.setData({ code: inviteCodeOf(res.result), 'errors.code': '', message: '' }),
      fail: (err) => {
        if (!/cancel/.test(err.errMsg)) void wx.showToast({ title: '未能识别二维码，请手动输入邀请码', icon: 'none' });
      },
    });
  },

  async onBind() {
    if (this.data.busy) return;
    this.setData({ busy: true, message: '', errors: {} });
    const result = await callChecked('organ.bind', bindSchema, { code: this.data.code, displayName: this.data.name });
    if (!result.ok) {
      const errors: BindData['errors'] = {};
      for (const f of result.fieldErrors ?? []) {
        if (f.path === 'code' || f.path === 'displayName') errors[f.path] = stripPath(f.path, f.message);
      }
      this.setData({ busy: false, errors, message: result.message });
      return;
    }
    this.setData({ busy: false, bound: true, roleLabel: result.data.roleLabel });
    void wx.showToast({ title: `已绑定为${result.data.roleLabel}`, icon: 'success' });
  },

  onHome() {
    void wx.redirectTo({ url: HOME_ROUTE });
  },

  /** The first person of an organ has no invitation: they open it with the setup code. */
  onSetup() {
    void wx.navigateTo({ url: SETUP_ROUTE });
  },
});
