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
  type BindAnswer,
  type Invitation,
  type OrganPublicProfile,
  type OrganSettings,
  type ReminderCounts,
  type StaffListEntry,
  type StaffMe,
} from '../../shared/api/organ';
import { organContract } from '../../shared/api/contracts/organ';
import { parseWith } from '../../shared/errors';
import { ROLE_LABELS, ROLES, type StaffRole } from '../../shared/policy/roles';
import { checkRules, DEFAULT_CHAIN } from '../../shared/policy/rules';
import { DEFAULT_INDEX_PATTERN } from '../../shared/records/index-no';
import type { StaffRecord } from '../caller';
import { hashCode, newCode, type RandomBytes } from '../codes';
import { COLLECTIONS, ensureCollections } from '../collections';
import { backendEnv } from '../env';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { callerKey, checkLimit, LIMITS, recordAttempt } from '../limits';
import { grantReminder, reminderCounts } from '../notices/staff';
import { defineFunction, type TxContext } from '../runtime';
import { isRow, one, rows, str, type Db, type Row } from '../sdk';
import { findOrgan, organOf } from '../organs';
import { joinCounty } from '../county/links';

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
  /** 'county': the organ it sets up is a county (its admin may invite the county role; backend/county). */
  level?: 'county',
): Promise<string> {
  await ensureCollections(db);
  const code = newCode(12, random);
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  const doc = { _id: hashCode(code), used: false, at: now, expiresAt, ...(level ? { level } : {}) };
  await db.collection(COLLECTIONS.setupCodes).add(doc);
  return code;
}

/** A code past its expiry (one stored before codes expired: 7 days after it was made). */
function expired(code: Row, now: Date): boolean {
  const until =
    code.expiresAt instanceof Date
      ? code.expiresAt.getTime()
      : code.at instanceof Date
        ? code.at.getTime() + 7 * DAY_MS
        : 0;
  return until <= now.getTime();
}

function requireStaff(ctx: { caller: { staff: StaffRecord | null } }): StaffRecord {
  if (!ctx.caller.staff) throw forbidden('仅限本机关工作人员');
  return ctx.caller.staff;
}

const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** Everything here is public: template ids are needed by the mini program to ask for subscriptions. */
function publicProfile(organ: Row): OrganPublicProfile {
  const chain = Array.isArray(organ.chain)
    ? organ.chain.filter((r): r is 'reviewer' | 'leader' => r === 'reviewer' || r === 'leader')
    : [];
  const templateIds = isRow(organ.templateIds)
    ? Object.fromEntries(Object.entries(organ.templateIds).filter(([, v]) => typeof v === 'string'))
    : {};
  return {
    id: text(organ._id),
    name: text(organ.name),
    creditCode: text(organ.creditCode),
    contactPhone: text(organ.contactPhone),
    address: text(organ.address),
    reportDueDate: text(organ.reportDueDate, '01-31'),
    indexPattern: text(organ.indexPattern, DEFAULT_INDEX_PATTERN),
    chain: chain.length > 0 ? chain : [...DEFAULT_CHAIN],
    templateIds,
  };
}

/**
 * The admin's own view: the public profile plus the settings only the admin edits. Read as tolerantly as the
 * public one, so an organ stored before a check existed still opens in the form (updateProfile says what to mend).
 */
function settingsOf(organ: Row): Omit<OrganSettings, 'isCounty' | 'county'> {
  const notice = noticeFieldsSchema.safeParse(organ.noticeFields);
  const approvers = Array.isArray(organ.extensionApprovers)
    ? organ.extensionApprovers.filter((s): s is string => typeof s === 'string')
    : [];
  const perPurpose = templateFieldsSchema.safeParse(organ.templateFields);
  const templateFields =
    perPurpose.success && Object.keys(perPurpose.data).length > 0 ? { templateFields: perPurpose.data } : {};
  return {
    ...publicProfile(organ),
    noticeFields: notice.success ? notice.data : { ...DEFAULT_NOTICE_FIELDS },
    ...templateFields,
    extensionApprovers: approvers,
    feePayment: text(organ.feePayment),
    reviewOrgan: text(organ.reviewOrgan),
    court: text(organ.court),
  };
}

/** The organ's fields the county view sets (backend/county), which its own profile form never replaces. */
const COUNTY_FIELDS = ['parentId', 'level', 'aliases', 'offProduct', 'townshipDueDate'] as const;

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
  const staff = { organId, openid: ctx.caller.openid, role, displayName, active: true, createdAt: ctx.now };
  const id = str(await ctx.tx.collection(COLLECTIONS.staff).add(staff), 'id');
  ctx.audit({ action: 'addStaff', target: id, after: staff, organId });
  return id;
}

export const organFunction = defineFunction('organ', organContract, {
  setup: {
    async transaction(input, ctx): Promise<BindAnswer> {
      if (ctx.caller.staff) throw conflict('您已是工作人员，不能再次初始化');
      await checkLimit(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
      const codes = ctx.tx.collection(COLLECTIONS.setupCodes);
      const key = hashCode(input.code);
      const code = one(await codes.doc(key).get());
      if (!code || code.used === true || expired(code, ctx.now)) throw await wrongCode(ctx, '设置码');
      const usedCode = { ...code, used: true, usedBy: ctx.caller.openid, usedAt: ctx.now };
      await codes.doc(key).update({ used: true, usedBy: ctx.caller.openid, usedAt: ctx.now });
      ctx.audit({ action: 'useSetupCode', target: key, before: code, after: usedCode });
      // The level comes from the code (whoever made it decided), never from the caller.
      const organ = { ...input.organ, ...(code.level === 'county' ? { level: 'county' } : {}), createdAt: ctx.now };
      const organId = str(await ctx.tx.collection(COLLECTIONS.organs).add(organ), 'id');
      ctx.audit({ action: 'setup', target: organId, after: organ, organId });
      await addStaff(ctx, organId, 'admin', input.displayName);
      return { organId, role: 'admin', roleLabel: ROLE_LABELS.admin };
    },
  },

  me: {
    async handler(_input, ctx): Promise<StaffMe> {
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
      const first = rows(await ctx.db.collection(COLLECTIONS.organs).orderBy('createdAt', 'asc').limit(1).get())[0];
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
      const col = ctx.tx.collection(COLLECTIONS.organs);
      const before = one(await col.doc(staff.organId).get());
      if (!before) throw notFound('机关');
      const { _id, createdAt, ...current } = before;
      // Re-check the whole profile: an organ stored before a field or a check existed is brought up to date,
      // and told what to fix (e.g. a 统一社会信用代码 whose check character is wrong) rather than failing.
      const merged = parseWith(organProfileSchema, { ...current, ...input.patch });
      if (!merged.ok) throw new AppError('VALIDATION', merged.message, merged.fieldErrors);
      // What is no part of the profile stays as it is: the organ's place under its county (backend/county).
      const kept = Object.fromEntries(COUNTY_FIELDS.filter((k) => k in before).map((k) => [k, before[k]]));
      const next = { ...merged.data, ...kept, createdAt };
      await col.doc(staff.organId).set(next);
      ctx.audit({ action: 'updateProfile', target: staff.organId, before, after: next });
      return publicProfile({ _id, ...next });
    },
  },

  // Not idempotent on purpose: a stored answer would keep the plain code; a double tap just makes a spare code.
  invite: {
    async transaction(input, ctx): Promise<Invitation> {
      const staff = requireStaff(ctx);
      // The county role sees the organs under its organ: only an organ set up as a county has any to show.
      if (input.role === 'county' && (await organOf(ctx.tx, staff.organId)).level !== 'county') {
        const message = '角色：只有县级机关可以邀请县级审核员';
        throw new AppError('VALIDATION', message, [{ path: 'role', message }]);
      }
      const code = newCode(10);
      const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000);
      const invite = { organId: staff.organId, role: input.role, expiresAt, used: false, createdBy: staff._id };
      const key = hashCode(code);
      await ctx.tx.collection(COLLECTIONS.invites).add({ _id: key, ...invite });
      ctx.audit({ action: 'invite', target: key, after: invite });
      return { code, role: input.role, roleLabel: ROLE_LABELS[input.role], expiresAt: expiresAt.toISOString() };
    },
  },

  bind: {
    async transaction(input, ctx): Promise<BindAnswer> {
      if (ctx.caller.staff) throw conflict('您已绑定为工作人员');
      await checkLimit(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
      const invites = ctx.tx.collection(COLLECTIONS.invites);
      const key = hashCode(input.code);
      const invite = one(await invites.doc(key).get());
      const role = ROLES.find((r) => r === invite?.role);
      const live =
        invite &&
        invite.used !== true &&
        invite.expiresAt instanceof Date &&
        invite.expiresAt.getTime() >= ctx.now.getTime();
      if (!invite || !live || !role || typeof invite.organId !== 'string') throw await wrongCode(ctx, '邀请码');
      const usedInvite = { ...invite, used: true, usedBy: ctx.caller.openid, usedAt: ctx.now };
      await invites.doc(key).update({ used: true, usedBy: ctx.caller.openid, usedAt: ctx.now });
      ctx.audit({ action: 'useInvite', target: key, before: invite, after: usedInvite, organId: invite.organId });
      await addStaff(ctx, invite.organId, role, input.displayName);
      return { organId: invite.organId, role, roleLabel: ROLE_LABELS[role] };
    },
  },

  // Reminders to the caller (工作台 → 微信提醒): one accepted subscription each, used up by one message.
  grantReminder: {
    transaction: (input, ctx): Promise<ReminderCounts> => grantReminder(ctx, requireStaff(ctx), input),
  },

  reminders: {
    async handler(_input, ctx): Promise<ReminderCounts> {
      return reminderCounts(ctx.db, requireStaff(ctx).organId, String(ctx.caller.openid));
    },
  },

  joinCounty: { transaction: (input, ctx) => joinCounty(ctx, requireStaff(ctx), input.code) },

  listStaff: {
    async handler(_input, ctx): Promise<StaffListEntry[]> {
      const staff = requireStaff(ctx);
      const list = rows(
        await ctx.db.collection(COLLECTIONS.staff).where({ organId: staff.organId, active: true }).limit(100).get(),
      );
      return list.flatMap((s) => {
        const role = ROLES.find((r) => r === s.role);
        return role ? [{ id: text(s._id), role, displayName: text(s.displayName) }] : [];
      });
    },
  },

  removeStaff: {
    async transaction(input, ctx): Promise<{ id: string }> {
      const me = requireStaff(ctx);
      // Never yourself: an organ always keeps the admin who is acting.
      if (input.staffId === me._id) throw conflict('不能移除自己');
      const col = ctx.tx.collection(COLLECTIONS.staff);
      const target = one(await col.doc(input.staffId).get());
      if (!target || target.active !== true) throw notFound('工作人员');
      const refusal = checkRules(
        'organ',
        'removeStaff',
        { staffId: me._id, organId: me.organId, role: me.role },
        { organId: text(target.organId), step: null, chain: [], approvedBy: [], hasChecklist: false },
      );
      if (refusal) throw notFound('工作人员');
      const after = { ...target, active: false, removedAt: ctx.now };
      await col.doc(input.staffId).update({ active: false, removedAt: ctx.now });
      ctx.audit({ action: 'removeStaff', target: input.staffId, before: target, after });
      return { id: input.staffId };
    },
  },
});
