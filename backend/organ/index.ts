/**
 * Organ profile and staff: the first admin by a one-time setup code, then invitations bound to an OPENID.
 * Codes are random, shown once and stored only as a SHA-256; using one and creating the staff record happen in
 * one transaction, so a code serves exactly once even when two people type it at the same moment.
 */
import { randomBytes } from 'node:crypto';
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
import { checkRules, DEFAULT_CHAIN } from '../../shared/policy/rules';
import { DEFAULT_INDEX_PATTERN } from '../../shared/records/index-no';
import type { StaffRecord } from '../caller';
import { hashCode, newCode, type RandomBytes } from '../codes';
import { ensureCollections } from '../collections';
import { backendEnv } from '../env';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { callerKey, checkLimit, LIMITS, recordAttempt } from '../limits';
import { grantReminder, reminderCounts } from '../notices/staff';
import { defineFunction, type TxContext } from '../runtime';
import type { Db } from '../sdk';
import { activeStaffOf, addStaffRecord, deactivateStaff, staffById } from '../staff';
import type { TypedCollection } from '../typed-store';
import { firstOrgan, organOf, organsCollection, type StoredOrgan } from '../organs';
import { invites, setupCodeUntil, setupCodes } from './codes';

/** For `npm start` and a deploy script: a fresh one-time code that makes its user the first admin of a new organ. */
/** How long a setup code stays usable: SETUP_CODE_TTL_DAYS (whole days, at least 1), default 7. */
export function setupCodeTtlDays(setting: string | undefined = backendEnv.setupCodeTtlDays()): number {
  const days = Number(setting ?? 7);
  return Number.isInteger(days) && days >= 1 ? days : 7;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createSetupCode(
  db: Db,
  random: RandomBytes = randomBytes,
  now: Date = new Date(),
  ttlDays: number = setupCodeTtlDays(),
): Promise<string> {
  await ensureCollections(db);
  const code = newCode(12, random);
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  await setupCodes.raw(db).add({ _id: hashCode(code), used: false, at: now, expiresAt });
  return code;
}

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
    chain: organ.chain && organ.chain.length > 0 ? [...organ.chain] : [...DEFAULT_CHAIN],
    templateIds: organ.templateIds,
  };
}

/**
 * The admin's own view: the public profile plus the settings only the admin edits. Read as tolerantly as the
 * public one, so an organ stored before a check existed still opens in the form (updateProfile says what to mend).
 */
function settingsOf(organ: StoredOrgan): OrganSettings {
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

const invalidCode = (what: string) =>
  new AppError('VALIDATION', `${what}无效、已使用或已过期`, [{ path: 'code', message: `${what}无效、已使用或已过期` }]);

/**
 * A wrong code counts against the caller's LIMITS.bind — recorded outside the transaction (through ctx.db), since
 * the refusal rolls the transaction back.
 */
async function wrongCode(ctx: TxContext, what: string): Promise<AppError> {
  await recordAttempt(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
  return invalidCode(what);
}

async function addStaff(ctx: TxContext, organId: string, role: StaffRole, displayName: string): Promise<string> {
  const staff = { organId, openid: ctx.caller.openid, role, displayName, active: true as const, createdAt: ctx.now };
  const id = await addStaffRecord(ctx.tx, staff);
  ctx.audit({ action: 'addStaff', target: id, after: staff, organId });
  return id;
}

/**
 * Uses a one-time code (setup or invitation) for the caller: counted against LIMITS.bind, refused alike when
 * unknown, used or no longer `live`, marked used and audited in the caller's transaction. The code's document.
 */
async function redeem<T extends { _id: string; used: boolean; organId?: string | undefined }>(
  ctx: TxContext,
  codes: TypedCollection<T>,
  code: string,
  what: string,
  live: (doc: T) => boolean,
  action: string,
): Promise<T> {
  await checkLimit(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
  const key = hashCode(code);
  const doc = await codes.get(ctx.tx, key);
  if (!doc || doc.used || !live(doc)) throw await wrongCode(ctx, what);
  const use = { used: true, usedBy: ctx.caller.openid, usedAt: ctx.now };
  await codes.raw(ctx.tx).doc(key).update(use);
  const organ = doc.organId !== undefined ? { organId: doc.organId } : {};
  ctx.audit({ action, target: key, before: doc, after: { ...doc, ...use }, ...organ });
  return doc;
}

export const organFunction = defineFunction('organ', organContract, {
  setup: {
    async transaction(input, ctx) {
      if (ctx.caller.staff) throw conflict('您已是工作人员，不能再次初始化');
      const live = (code: { at?: Date | undefined; expiresAt?: Date | undefined }) =>
        setupCodeUntil(code) > ctx.now.getTime();
      await redeem(ctx, setupCodes, input.code, '设置码', live, 'useSetupCode');
      const organ = { ...input.organ, createdAt: ctx.now };
      const organId = await organsCollection.add(ctx.tx, organ);
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
    async handler(input, ctx) {
      if (input.organId) return publicProfile(await organOf(ctx.db, input.organId));
      // A single-organ deployment (a township's own mini program) needs no id.
      const first = await firstOrgan(ctx.db);
      if (!first) throw notFound('机关');
      return publicProfile(first);
    },
  },

  settings: {
    async handler(_input, ctx) {
      return settingsOf(await organOf(ctx.db, requireStaff(ctx).organId));
    },
  },

  updateProfile: {
    async transaction(input, ctx) {
      const staff = requireStaff(ctx);
      const before = await organOf(ctx.tx, staff.organId);
      const { _id, createdAt, ...current } = before;
      // Re-check the whole profile: an organ stored before a field or a check existed is brought up to date,
      // and told what to fix (e.g. a 统一社会信用代码 whose check character is wrong) rather than failing.
      const merged = parseWith(organProfileSchema, { ...current, ...input.patch });
      if (!merged.ok) throw new AppError('VALIDATION', merged.message, merged.fieldErrors);
      const next = { ...merged.data, createdAt };
      await organsCollection.raw(ctx.tx).doc(staff.organId).set(next);
      ctx.audit({ action: 'updateProfile', target: staff.organId, before, after: next });
      return publicProfile(organsCollection.parse({ _id, ...next }));
    },
  },

  // Not idempotent on purpose: a stored answer would keep the plain code; a double tap just makes a spare code.
  invite: {
    async transaction(input, ctx) {
      const staff = requireStaff(ctx);
      const code = newCode(10);
      const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000);
      const invite = { organId: staff.organId, role: input.role, expiresAt, used: false, createdBy: staff._id };
      const key = hashCode(code);
      await invites.raw(ctx.tx).add({ _id: key, ...invite });
      ctx.audit({ action: 'invite', target: key, after: invite });
      return { code, role: input.role, roleLabel: ROLE_LABELS[input.role], expiresAt: expiresAt.toISOString() };
    },
  },

  bind: {
    async transaction(input, ctx) {
      if (ctx.caller.staff) throw conflict('您已绑定为工作人员');
      const live = (invite: {
        expiresAt?: Date | undefined;
        role?: StaffRole | undefined;
        organId?: string | undefined;
      }) =>
        invite.expiresAt !== undefined &&
        invite.expiresAt.getTime() >= ctx.now.getTime() &&
        invite.role !== undefined &&
        invite.organId !== undefined;
      const invite = await redeem(ctx, invites, input.code, '邀请码', live, 'useInvite');
      const { organId, role } = invite;
      if (organId === undefined || role === undefined) throw await wrongCode(ctx, '邀请码');
      await addStaff(ctx, organId, role, input.displayName);
      return { organId, role, roleLabel: ROLE_LABELS[role] };
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

  listStaff: {
    async handler(_input, ctx) {
      const staff = requireStaff(ctx);
      const list = await activeStaffOf(ctx.db, staff.organId);
      return list.map((s) => ({ id: s._id, role: s.role, displayName: s.displayName }));
    },
  },

  removeStaff: {
    async transaction(input, ctx): Promise<{ id: string }> {
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
