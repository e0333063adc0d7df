/**
 * Organ profile and staff: the first admin by a one-time setup code, then invitations bound to an OPENID.
 * Codes are random, shown once and stored only as a SHA-256; using one and creating the staff record happen in
 * one transaction, so a code serves exactly once even when two people type it at the same moment.
 */
import {
  DEFAULT_NOTICE_FIELDS,
  templateFieldsSchema,
  noticeFieldsSchema,
  organProfileSchema,
  type OrganPublicProfile,
  type OrganSettings,
} from '../../shared/api/organ';
import { organContract } from '../../shared/api/contracts/organ';
import { parseWith } from '../../shared/errors';
import { ROLE_LABELS, type StaffRole } from '../../shared/policy/roles';
import { checkRules } from '../../shared/policy/rules';
import { DEFAULT_INDEX_PATTERN } from '../../shared/records/index-no';
import type { StaffRecord } from '../caller';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { grantReminder, reminderCounts } from '../notices/staff';
import { addCode, INVITES, SETUP_CODES } from '../one-time-codes';
import { redeemCode } from '../redeem-code';
import { defineFunction, type TxContext } from '../runtime';
import { addOrganRecord, findOrgan, firstOrgan, organChain, organOf, replaceOrgan, type StoredOrgan } from '../organs';
import { activeStaffOf, addStaffRecord, deactivateStaff, staffById } from '../staff';
import { joinCounty } from '../county/links';

export { createSetupCode, setupCodeTtlDays } from '../one-time-codes';

function requireStaff(ctx: { caller: { staff: StaffRecord | null } }): StaffRecord {
  if (!ctx.caller.staff) throw forbidden('仅限本机关工作人员');
  return ctx.caller.staff;
}

/** Everything here is public: template ids are needed by the mini program to ask for subscriptions. */
function publicProfile(organ: StoredOrgan): OrganPublicProfile {
  return {
    id: organ._id,
    name: organ.name,
    creditCode: organ.creditCode ?? '',
    contactPhone: organ.contactPhone ?? '',
    address: organ.address ?? '',
    reportDueDate: organ.reportDueDate ?? '01-31',
    indexPattern: organ.indexPattern ?? DEFAULT_INDEX_PATTERN,
    chain: [...organChain(organ)],
    // The stored ids are strings (the store leaves out any other value); the keys are the organ's purposes.
    templateIds: organ.templateIds as OrganPublicProfile['templateIds'],
  };
}

/**
 * The admin's own view: the public profile plus the settings only the admin edits. Read as tolerantly as the
 * public one, so an organ stored before a check existed still opens in the form (updateProfile says what to mend).
 */
function settingsOf(organ: StoredOrgan): Omit<OrganSettings, 'isCounty' | 'county'> {
  const notice = noticeFieldsSchema.safeParse(organ.noticeFields);
  const perPurpose = templateFieldsSchema.safeParse(organ.templateFields);
  const templateFields =
    perPurpose.success && Object.keys(perPurpose.data).length > 0 ? { templateFields: perPurpose.data } : {};
  return {
    ...publicProfile(organ),
    noticeFields: notice.success ? notice.data : { ...DEFAULT_NOTICE_FIELDS },
    ...templateFields,
    extensionApprovers: organ.extensionApprovers,
    feePayment: organ.feePayment ?? '',
    reviewOrgan: organ.reviewOrgan ?? '',
    court: organ.court ?? '',
  };
}

/** The organ's fields the county view sets (backend/county), which its own profile form never replaces. */
const COUNTY_FIELDS = ['parentId', 'level', 'aliases', 'offProduct', 'townshipDueDate'] as const;

async function addStaff(ctx: TxContext, organId: string, role: StaffRole, displayName: string): Promise<string> {
  const staff = { organId, openid: ctx.caller.openid, role, displayName, active: true as const, createdAt: ctx.now };
  const id = await addStaffRecord(ctx.tx, staff);
  ctx.audit({ action: 'addStaff', target: id, after: staff, organId });
  return id;
}

export const organFunction = defineFunction('organ', organContract, {
  setup: {
    async transaction(input, ctx) {
      if (ctx.caller.staff) throw conflict('您已是工作人员，不能再次初始化');
      const { code } = await redeemCode(ctx, SETUP_CODES, input.code, ctx.caller.openid);
      // The level comes from the code (whoever made it decided), never from the caller.
      const organ = { ...input.organ, ...(code.level === 'county' ? { level: 'county' } : {}), createdAt: ctx.now };
      const organId = await addOrganRecord(ctx.tx, organ);
      ctx.audit({ action: 'setup', target: organId, after: organ, organId });
      await addStaff(ctx, organId, 'admin', input.displayName);
      return { organId, role: 'admin', roleLabel: ROLE_LABELS.admin };
    },
  },

  me: {
    async handler(_input, ctx) {
      const s = ctx.caller.staff;
      return {
        signedIn: ctx.caller.openid !== null,
        role: ctx.caller.role,
        roleLabel: ROLE_LABELS[ctx.caller.role],
        organId: s?.organId ?? null,
        displayName: s?.displayName ?? null,
        staffId: s?._id ?? null,
      };
    },
  },

  getProfile: {
    async handler(input, ctx): Promise<OrganPublicProfile> {
      if (input.organId) return publicProfile(await organOf(ctx.db, input.organId));
      // A single-organ deployment (a township's own mini program) needs no id.
      const first = await firstOrgan(ctx.db);
      if (!first) throw notFound('机关');
      return publicProfile(first);
    },
  },

  settings: {
    async handler(_input, ctx): Promise<OrganSettings> {
      const organ = await organOf(ctx.db, requireStaff(ctx).organId);
      // Where the organ stands in the county view: a county itself, or under one (organ.joinCounty) and which.
      const county = organ.parentId ? await findOrgan(ctx.db, organ.parentId) : null;
      return { ...settingsOf(organ), isCounty: organ.level === 'county', county: county?.name ?? null };
    },
  },

  updateProfile: {
    async transaction(input, ctx): Promise<OrganPublicProfile> {
      const staff = requireStaff(ctx);
      const before = await organOf(ctx.tx, staff.organId);
      const { _id: _, createdAt, ...current } = before;
      // Re-check the whole profile: an organ stored before a field or a check existed is brought up to date,
      // and told what to fix (e.g. a 统一社会信用代码 whose check character is wrong) rather than failing.
      const merged = parseWith(organProfileSchema, { ...current, ...input.patch });
      if (!merged.ok) throw new AppError('VALIDATION', merged.message, merged.fieldErrors);
      // What is no part of the profile stays as it is: the organ's place under its county (backend/county).
      const kept = Object.fromEntries(COUNTY_FIELDS.flatMap((k) => (before[k] !== undefined ? [[k, before[k]]] : [])));
      const next = { ...merged.data, ...kept, createdAt };
      const after = await replaceOrgan(ctx.tx, staff.organId, next);
      ctx.audit({ action: 'updateProfile', target: staff.organId, before, after: next });
      return publicProfile(after);
    },
  },

  // Not idempotent on purpose: a stored answer would keep the plain code; a double tap just makes a spare code.
  invite: {
    async transaction(input, ctx) {
      const staff = requireStaff(ctx);
      // The county role sees the organs under its organ: only an organ set up as a county has any to show.
      if (input.role === 'county' && (await organOf(ctx.tx, staff.organId)).level !== 'county') {
        const message = '角色：只有县级机关可以邀请县级审核员';
        throw new AppError('VALIDATION', message, [{ path: 'role', message }]);
      }
      const fields = { organId: staff.organId, role: input.role, createdBy: staff._id };
      const { code, key, record } = await addCode(ctx.tx, INVITES, fields, ctx.now, input.expiresInDays);
      ctx.audit({ action: 'invite', target: key, after: record });
      const expiresAt = record.expiresAt.toISOString();
      return { code, role: input.role, roleLabel: ROLE_LABELS[input.role], expiresAt };
    },
  },

  bind: {
    async transaction(input, ctx) {
      if (ctx.caller.staff) throw conflict('您已绑定为工作人员');
      const { code: invite } = await redeemCode(ctx, INVITES, input.code, ctx.caller.openid);
      await addStaff(ctx, invite.organId, invite.role, input.displayName);
      return { organId: invite.organId, role: invite.role, roleLabel: ROLE_LABELS[invite.role] };
    },
  },

  // Reminders to the caller (工作台 → 微信提醒): one accepted subscription each, used up by one message.
  grantReminder: {
    transaction: (input, ctx) => grantReminder(ctx, requireStaff(ctx), input),
  },

  reminders: {
    async handler(_input, ctx) {
      return reminderCounts(ctx.db, requireStaff(ctx).organId, String(ctx.caller.openid));
    },
  },

  joinCounty: { transaction: (input, ctx) => joinCounty(ctx, requireStaff(ctx), input.code) },

  listStaff: {
    async handler(_input, ctx) {
      const staff = requireStaff(ctx);
      const list = await activeStaffOf(ctx.db, staff.organId);
      return list.map((s) => ({ id: s._id, role: s.role, displayName: s.displayName }));
    },
  },

  removeStaff: {
    async transaction(input, ctx) {
      const me = requireStaff(ctx);
      // Never yourself: an organ always keeps the admin who is acting.
      if (input.staffId === me._id) throw conflict('不能移除自己');
      const target = await staffById(ctx.tx, input.staffId);
      if (!target || !target.active) throw notFound('工作人员');
      const refusal = checkRules(
        'organ',
        'removeStaff',
        { staffId: me._id, organId: me.organId, role: me.role },
        { organId: target.organId, step: null, chain: [], approvedBy: [], hasChecklist: false },
      );
      if (refusal) throw notFound('工作人员');
      const after = { ...target, active: false, removedAt: ctx.now };
      await deactivateStaff(ctx.tx, input.staffId, ctx.now);
      ctx.audit({ action: 'removeStaff', target: input.staffId, before: target, after });
      return { id: input.staffId };
    },
  },
});
