/**
 * Who may approve extending a request's deadline (条例 第三十三条第一款: the head of the organ's 政府信息公开
 * 工作机构). The organ names them in its profile (`extensionApprovers`, staff ids); when it names nobody, its
 * 分管领导 (reviewer role) — who heads 政务公开 at a township — and failing those, its 第一负责人.
 */
import { ROLE_LABELS } from '../../shared/policy/roles';
import { AppError } from '../errors';
import { findOrgan } from '../organs';
import type { Store } from '../sdk';
import { activeStaffOf, type StoredStaff } from '../staff';

export interface Approver {
  id: string;
  displayName: string;
  roleLabel: string;
}

function asApprover(s: StoredStaff): Approver {
  return { id: s._id, displayName: s.displayName, roleLabel: ROLE_LABELS[s.role] };
}

export async function extensionApprovers(store: Store, organId: string): Promise<Approver[]> {
  const organ = await findOrgan(store, organId);
  const staff = await activeStaffOf(store, organId);
  const named = organ?.extensionApprovers ?? [];
  if (named.length > 0) return staff.filter((s) => named.includes(s._id)).map(asApprover);
  const reviewers = staff.filter((s) => s.role === 'reviewer');
  return (reviewers.length > 0 ? reviewers : staff.filter((s) => s.role === 'leader')).map(asApprover);
}

/** The extension's approver must be one of them: refused with the field named otherwise. */
export async function checkApprover(store: Store, organId: string, approverId: string): Promise<void> {
  const approvers = await extensionApprovers(store, organId);
  if (approverId === '' || approvers.some((a) => a.id === approverId)) return; // '' → the state machine's EXTENSION_NO_APPROVER
  const names = approvers.map((a) => a.displayName).join('、') || '（本机关尚未设置）';
  const message = `延长答复期限须经本机关政府信息公开工作机构负责人同意：批准人（approverId）须为 ${names}`;
  // Stable code in the message, as the state machine's refusals carry theirs (shared/requests/errors.ts).
  throw new AppError('VALIDATION', `${message}（EXTENSION_APPROVER）`, [{ path: 'action.approverId', message }]);
}
