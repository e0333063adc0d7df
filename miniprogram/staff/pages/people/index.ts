/**
 * 人员与邀请 (staff/pages/people/index, admin only): the organ's staff with their roles; invite a person (a role and
 * how long the code stays valid → the code, shown once, big, with 复制 and how to use it); remove a person after a
 * confirm (never yourself: the server refuses that too).
 */
import type { StaffRole } from 'gongkai-staff';
import {
  NO_NOTICE,
  formPageStart,
  readOrShow,
  type DataEvent,
  type FormPageData,
  type OpensByStart,
} from '../../../kit/page-state';
import { confirm } from '../../records';
import { adminOpening, startOnLoad } from '../../session';
import {
  DEFAULT_VALIDITY,
  roleOptions,
  VALIDITY_DAYS,
  shownInvitation,
  staffLines,
  type RoleOption,
  type ShownInvitation,
  type StaffLine,
} from './view';
import { call, callChecked } from '../../../api/client';
import { inviteSchema, removeStaffSchema } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export interface PeopleData extends FormPageData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  staff: StaffLine[];
  roles: RoleOption[];
  validities: readonly number[];
  role: StaffRole | '';
  days: number;
  roleError: string;
  invitation: ShownInvitation | null;
}

interface PeopleCustom extends OpensByStart {
  myId: string | null;
  refresh(): Promise<boolean>;
  onRole(e: DataEvent<{ role: StaffRole }>): void;
  onDays(e: DataEvent<{ days: number }>): void;
  onInvite(): Promise<void>;
  onCopy(): void;
  onAnother(): void;
  onRemove(e: DataEvent<{ id: string }>): Promise<void>;
}

Page<PeopleData, PeopleCustom>({
  data: {
    elder: '',
    ...formPageStart(),
    staff: [],
    roles: roleOptions(false),
    validities: VALIDITY_DAYS,
    role: '',
    days: DEFAULT_VALIDITY,
    roleError: '',
    invitation: null,
  },
  ...startOnLoad,
  myId: null,

  ...elderOnShow,

  async start() {
    const me = await adminOpening(this, '人员与邀请仅限管理员管理');
    if (!me) return;
    this.myId = me.staffId;
    // The county role is offered only at a county; without the settings the four township roles stay.
    const settings = await call('organ.settings', {});
    this.setData({ roles: roleOptions(settings.ok && settings.data.isCounty) });
    if (await this.refresh()) this.setData({ state: 'ready' });
  },

  async refresh() {
    const staff = readOrShow(this, await call('organ.listStaff', {}));
    if (staff === null) return false;
    this.setData({ staff: staffLines(staff, this.myId) });
    return true;
  },

  onRole(e) {
    this.setData({ role: e.currentTarget.dataset.role, roleError: '' });
  },

  onDays(e) {
    this.setData({ days: Number(e.currentTarget.dataset.days) });
  },

  async onInvite() {
    if (this.data.busy) return;
    const role = this.data.role;
    if (role === '') {
      this.setData({ roleError: '请选择被邀请人的角色' });
      return;
    }
    this.setData({ busy: true, ...NO_NOTICE });
    const result = await callChecked('organ.invite', inviteSchema, { role: role, expiresInDays: this.data.days });
    if (!result.ok) {
      this.setData({ busy: false, notice: result.message, noticeKind: 'error' });
      return;
    }
    this.setData({ busy: false, invitation: shownInvitation(result.data), role: '' });
  },

  onCopy() {
    const code = this.data.invitation?.code;
    if (code === undefined) return;
    void wx.setClipboardData({ data: code }); // WeChat shows its own 已复制 toast; a failure has nothing to retry
  },

  onAnother() {
    this.setData({ invitation: null, ...NO_NOTICE });
  },

  async onRemove(e) {
    const id = e.currentTarget.dataset.id;
    const person = this.data.staff.find((s) => s.id === id);
    if (this.data.busy || person === undefined || person.self) return;
    if (
      !(await confirm(
        '移除工作人员',
        `移除后，${person.name}（${person.roleLabel}）将不能再使用工作台。确定移除吗？`,
        '移除',
      ))
    )
      return;
    this.setData({ busy: true, ...NO_NOTICE });
    const result = await callChecked('organ.removeStaff', removeStaffSchema, { staffId: id });
    if (!result.ok) {
      this.setData({ busy: false, notice: result.message, noticeKind: 'error' });
      return;
    }
    await this.refresh();
    this.setData({ busy: false, notice: `已移除 ${person.name}`, noticeKind: 'saved' });
  },
});
