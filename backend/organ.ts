/** Organ profile and staff: first admin by setup code, then invitations bound to an OPENID. */
import * as z from 'zod';
import { bindSchema, getProfileSchema, inviteSchema, organProfileSchema, removeStaffSchema, setupSchema, updateProfileSchema } from '../shared/api/organ';
import type { StaffRole } from '../shared/policy';
import { ROLE_LABELS } from '../shared/policy';
import type { StaffRecord } from './caller';
import { hashCode, newCode } from './codes';
import { COLLECTIONS, ensureCollections } from './collections';
import { AppError, conflict, forbidden, notFound } from './errors';
import { action, defineFunction, type HandlerContext } from './runtime';
import { one, rows, runTransaction, type Db, type Row } from './sdk';

/** For `npm start` and the deploy script: a fresh one-time code that creates the first admin. */
export async function createSetupCode(db: Db): Promise<string> {
  await ensureCollections(db);
  const code = newCode(12);
  await db.collection(COLLECTIONS.setupCodes).add({ _id: hashCode(code), used: false, at: new Date() });
  return code;
}

function requireStaff(ctx: HandlerContext): StaffRecord {
  if (!ctx.caller.staff) throw forbidden('仅限本机关工作人员');
  return ctx.caller.staff;
}

async function organOf(db: Db, organId: string): Promise<Row> {
  const organ = one(await db.collection(COLLECTIONS.organs).doc(organId).get());
  if (!organ) throw notFound('机关');
  return organ;
}

function publicProfile(organ: Row): Row {
  const { _id, name, contactPhone, address, reportDueDate, creditCode } = organ;
  return { id: _id, name, contactPhone, address, reportDueDate, creditCode };
}

export const organFunction = defineFunction('organ', {
  setup: action({
    input: setupSchema,
    async handler(input, ctx) {
      if (ctx.caller.staff) throw conflict('您已是工作人员，不能再次初始化');
      const key = hashCode(input.code);
      const created = await runTransaction(ctx.db, async (tx) => {
        const codes = tx.collection(COLLECTIONS.setupCodes);
        const code = one(await codes.doc(key).get());
        if (!code || code.used === true) throw new AppError('VALIDATION', '设置码无效或已使用', [{ path: 'code', message: 'code：设置码无效或已使用' }]);
        await codes.doc(key).update({ used: true, usedBy: ctx.caller.openid });
        const organ = { ...input.organ, createdAt: ctx.now };
        const organId = String((await tx.collection(COLLECTIONS.organs).add(organ) as Row).id);
        const staff = { organId, openid: ctx.caller.openid, role: 'admin', displayName: input.displayName, active: true, createdAt: ctx.now };
        const staffId = String((await tx.collection(COLLECTIONS.staff).add(staff) as Row).id);
        return { organId, staffId, organ };
      });
      await ctx.audit({ action: 'setup', target: created.organId, after: created.organ });
      return { organId: created.organId, role: 'admin' };
    },
  }),

  me: action({
    input: z.object({}),
    async handler(_input, ctx) {
      const s = ctx.caller.staff;
      return { signedIn: ctx.caller.openid !== null, role: ctx.caller.role, roleLabel: ROLE_LABELS[ctx.caller.role], organId: s?.organId ?? null, displayName: s?.displayName ?? null, staffId: s?._id ?? null };
    },
  }),

  getProfile: action({
    input: getProfileSchema,
    async handler(input, ctx) {
      if (input.organId) return publicProfile(await organOf(ctx.db, input.organId));
      // A single-organ deployment (a township's own mini program) needs no id.
      const first = rows(await ctx.db.collection(COLLECTIONS.organs).orderBy('createdAt', 'asc').limit(1).get())[0];
      if (!first) throw notFound('机关');
      return publicProfile(first);
    },
  }),

  updateProfile: action({
    input: updateProfileSchema,
    async handler(input, ctx) {
      const staff = requireStaff(ctx);
      const before = await organOf(ctx.db, staff.organId);
      const { _id, ...current } = before;
      const next = organProfileSchema.parse({ ...current, ...input.patch });
      await ctx.db.collection(COLLECTIONS.organs).doc(staff.organId).update(next);
      await ctx.audit({ action: 'updateProfile', target: staff.organId, before, after: next });
      return publicProfile({ _id, ...next });
    },
  }),

  invite: action({
    input: inviteSchema,
    idempotent: true,
    async handler(input, ctx) {
      const staff = requireStaff(ctx);
      const code = newCode(10);
      const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000);
      const invite = { organId: staff.organId, role: input.role, expiresAt, used: false, createdBy: staff._id };
      await ctx.db.collection(COLLECTIONS.invites).add({ _id: hashCode(code), ...invite });
      await ctx.audit({ action: 'invite', target: staff.organId, after: { role: input.role, expiresAt } });
      return { code, role: input.role, roleLabel: ROLE_LABELS[input.role], expiresAt: expiresAt.toISOString() };
    },
  }),

  bind: action({
    input: bindSchema,
    async handler(input, ctx) {
      if (ctx.caller.staff) throw conflict('您已绑定为工作人员');
      const key = hashCode(input.code);
      const bound = await runTransaction(ctx.db, async (tx) => {
        const invites = tx.collection(COLLECTIONS.invites);
        const invite = one(await invites.doc(key).get());
        const expired = !invite || invite.used === true || !(invite.expiresAt instanceof Date) || invite.expiresAt.getTime() < ctx.now.getTime();
        if (!invite || expired) throw new AppError('VALIDATION', '邀请码无效、已使用或已过期', [{ path: 'code', message: 'code：邀请码无效、已使用或已过期' }]);
        await invites.doc(key).update({ used: true, usedBy: ctx.caller.openid });
        const staff = { organId: String(invite.organId), openid: ctx.caller.openid, role: invite.role as StaffRole, displayName: input.displayName, active: true, createdAt: ctx.now };
        const id = String((await tx.collection(COLLECTIONS.staff).add(staff) as Row).id);
        return { id, ...staff };
      });
      await ctx.audit({ action: 'bind', target: bound.id, after: { organId: bound.organId, role: bound.role } });
      return { organId: bound.organId, role: bound.role, roleLabel: ROLE_LABELS[bound.role] };
    },
  }),

  listStaff: action({
    input: z.object({}),
    async handler(_input, ctx) {
      const staff = requireStaff(ctx);
      const list = rows(await ctx.db.collection(COLLECTIONS.staff).where({ organId: staff.organId, active: true }).limit(100).get());
      return list.map((s) => ({ id: s._id, role: s.role, displayName: s.displayName }));
    },
  }),

  removeStaff: action({
    input: removeStaffSchema,
    async handler(input, ctx) {
      const me = requireStaff(ctx);
      if (input.staffId === me._id) throw conflict('不能移除自己');
      const col = ctx.db.collection(COLLECTIONS.staff);
      const target = one(await col.doc(input.staffId).get());
      if (!target || target.organId !== me.organId || target.active !== true) throw notFound('工作人员');
      await col.doc(input.staffId).update({ active: false, removedAt: ctx.now });
      await ctx.audit({ action: 'removeStaff', target: input.staffId, before: target, after: { ...target, active: false } });
      return { id: input.staffId };
    },
  }),
});
