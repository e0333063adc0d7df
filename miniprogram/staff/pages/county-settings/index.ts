/**
 * 县级设置 (staff/pages/county-settings/index, the county role; opened from 县级审核): the date its organs' reports
 * are due (county.settings), a one-time code that puts a township already on the product under the county
 * (county.inviteOrgan → organ.joinCounty on the township's 机关设置), an organ not on the product added by name
 * (county.addOrgan), and each organ's aliases — the other names its reports are published under (county.setAliases).
 */
import { roleOpening } from '../../session';
import { aliasesOf, organLine, type OrganLine } from './view';
import { expiresText } from '../people/view';
import { monthDayLabel } from '../admin/view';
import { call, callChecked, newIdempotencyKey } from '../../../api/client';
import { addOrganSchema, countySettingsSchema, inviteOrganSchema, setAliasesSchema } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';
import {
  NO_NOTICE,
  formPageStart,
  noticeOf,
  readOrShow,
  retryHandler,
  type OpensByStart,
} from '../../../kit/page-state';
import type { DataEvent, FormPageData, InputEvent } from '../../../kit/page-state';

export interface CountySettingsData extends FormPageData {
  elder: string;
  dueDate: string;
  dueLabel: string;
  organs: OrganLine[];
  invitation: { code: string; expires: string } | null;
  /** Each section's own error (the function's or the check's words, naming the field): due, invite, add, alias-<id>. */
  errors: Record<string, string>;
}

interface CountySettingsCustom extends OpensByStart {
  /** Typed text kept off setData until sent: the new organ's name and aliases, each organ's aliases line. */
  typed: { name: string; aliases: string; organAliases: Record<string, string> };
  /** One per new organ typed: a retried 添加 after a lost answer adds it once. */
  addKey: string;
  load(): Promise<boolean>;
  fail(section: string, message: string): void;
  onDueDate(e: InputEvent): Promise<void>;
  onInvite(): Promise<void>;
  onCopy(): void;
  onName(e: InputEvent): void;
  onNewAliases(e: InputEvent): void;
  onAdd(): Promise<void>;
  onAliases(e: InputEvent<{ id: string }>): void;
  onSaveAliases(e: DataEvent<{ id: string }>): Promise<void>;
}

Page<CountySettingsData, CountySettingsCustom>({
  data: {
    ...formPageStart(),
    elder: '',
    dueDate: '01-31',
    dueLabel: monthDayLabel('01-31'),
    organs: [],
    invitation: null,
    errors: {},
  },
  ...retryHandler,
  typed: { name: '', aliases: '', organAliases: {} },
  addKey: '',

  onLoad(query: Record<string, string | undefined>) {
    // The dashboard already read the due date: it comes along rather than a second dashboard read.
    const due = query.due ?? '01-31';
    this.setData({ dueDate: due, dueLabel: monthDayLabel(due) });
    void this.start();
  },

  ...elderOnShow,

  async start() {
    if (!(await roleOpening(this, 'county', '仅县级审核员可修改县级设置'))) return;
    if (await this.load()) this.setData({ state: 'ready' });
  },

  async load() {
    const organs = readOrShow(this, await call('county.organs', {}));
    if (organs === null) return false;
    this.typed.organAliases = {};
    this.setData({ organs: organs.map(organLine) });
    return true;
  },

  fail(section, message) {
    this.setData({ busy: false, errors: { ...this.data.errors, [section]: message } });
  },

  async onDueDate(e) {
    if (this.data.busy) return;
    // The picker works on a date of a leap year: its month-day is what is kept.
    const dueDate = String(e.detail.value).slice(5, 10);
    this.setData({ busy: true, errors: {}, ...NO_NOTICE });
    const result = await callChecked('county.settings', countySettingsSchema, { dueDate });
    if (!result.ok) return this.fail('due', result.message);
    const label = monthDayLabel(result.data.dueDate);
    this.setData({
      busy: false,
      dueDate: result.data.dueDate,
      dueLabel: label,
      ...noticeOf(result, `报送截止已改为 ${label}`),
    });
  },

  async onInvite() {
    if (this.data.busy) return;
    this.setData({ busy: true, errors: {}, ...NO_NOTICE });
    const result = await callChecked('county.inviteOrgan', inviteOrganSchema, { expiresInDays: 7 });
    if (!result.ok) return this.fail('invite', result.message);
    this.setData({ busy: false, invitation: { code: result.data.code, expires: expiresText(result.data.expiresAt) } });
  },

  onCopy() {
    const code = this.data.invitation?.code;
    if (code !== undefined) void wx.setClipboardData({ data: code }); // WeChat shows its own 已复制 toast
  },

  onName(e) {
    this.typed.name = e.detail.value;
    this.addKey = '';
  },

  onNewAliases(e) {
    this.typed.aliases = e.detail.value;
    this.addKey = '';
  },

  async onAdd() {
    if (this.data.busy) return;
    if (this.addKey === '') this.addKey = newIdempotencyKey();
    this.setData({ busy: true, errors: {}, ...NO_NOTICE });
    const input = { organName: this.typed.name, aliases: aliasesOf(this.typed.aliases) };
    const result = await callChecked('county.addOrgan', addOrganSchema, input, this.addKey);
    if (!result.ok) return this.fail('add', result.message);
    this.addKey = '';
    this.setData({ busy: false, ...noticeOf(result, `已添加：${result.data.name}`) });
    await this.load();
  },

  onAliases(e) {
    this.typed.organAliases[e.currentTarget.dataset.id] = e.detail.value;
  },

  async onSaveAliases(e) {
    const organId = e.currentTarget.dataset.id;
    const typed = this.typed.organAliases[organId];
    if (this.data.busy || typed === undefined) return;
    this.setData({ busy: true, errors: {}, ...NO_NOTICE });
    const result = await callChecked('county.setAliases', setAliasesSchema, { organId, aliases: aliasesOf(typed) });
    if (!result.ok) return this.fail(`alias-${organId}`, result.message);
    this.setData({ busy: false, ...noticeOf(result, `已保存 ${result.data.name} 的别名`) });
    await this.load();
  },
});
