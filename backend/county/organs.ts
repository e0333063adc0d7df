/**
 * The county's list of its organs: adding one not on the product (its reports are then pasted in), the aliases its
 * reports are published under, the due date the county sets for them, and the one-time code that puts an organ
 * already on the product under the county (organ.joinCounty, links.ts).
 */
import type { CountyInvitation, CountyOrgan } from '../../shared/api/county';
import { matchOrgan } from '../../shared/county/match';
import { hashCode, newCode } from '../codes';
import { COLLECTIONS } from '../collections';
import { conflict } from '../errors';
import { addOrganRecord, organsCollection, type StoredOrgan } from '../organs';
import type { HandlerContext, TxContext } from '../runtime';
import { organsUnder } from './rows';
import { countyScope, organUnder } from './scope';

function organView(o: StoredOrgan): CountyOrgan {
  return { organId: o._id, name: o.name, aliases: o.aliases ?? [], onProduct: o.offProduct !== true };
}

export async function listOrgans(_input: object, ctx: HandlerContext): Promise<CountyOrgan[]> {
  const { county } = await countyScope(ctx, ctx.db);
  return (await organsUnder(ctx.db, county._id)).map(organView);
}

/** An organ under the county whose name (or an alias) is already one of another organ's: refused, it would be a twin. */
async function refuseTwin(ctx: TxContext, countyId: string, names: readonly string[], except?: string): Promise<void> {
  const others = (await organsUnder(ctx.db, countyId))
    .filter((o) => o._id !== except)
    .map((o) => ({ id: o._id, name: o.name, aliases: o.aliases ?? [] }));
  for (const name of names) {
    const twin = matchOrgan(name, others);
    const other = twin ? others.find((o) => o.id === twin.id) : undefined;
    if (other) throw conflict(`“${name}”与已有机关“${other.name}”是同一机关，请改为设置其别名`);
  }
}

/**
 * A new organ under the county, not on the product (its reports are pasted in: county.addOrgan, or a pasted report
 * whose organ matches none), with its audit entry; the organ as it now reads.
 */
export async function addOffProductOrgan(
  ctx: TxContext,
  county: StoredOrgan,
  name: string,
  aliases: string[],
): Promise<StoredOrgan> {
  const doc = { name, parentId: county._id, offProduct: true, aliases, createdAt: ctx.now };
  const id = await addOrganRecord(ctx.tx, doc);
  ctx.audit({ action: 'addOrgan', target: id, after: doc });
  return organsCollection.parse({ ...doc, _id: id });
}

export async function addOrgan(input: { organName: string; aliases: string[] }, ctx: TxContext): Promise<CountyOrgan> {
  const { county } = await countyScope(ctx, ctx.tx);
  await refuseTwin(ctx, county._id, [input.organName, ...input.aliases]);
  return organView(await addOffProductOrgan(ctx, county, input.organName, input.aliases));
}

export async function setAliases(input: { organId: string; aliases: string[] }, ctx: TxContext): Promise<CountyOrgan> {
  const { county } = await countyScope(ctx, ctx.tx);
  const organ = await organUnder(ctx.tx, county, input.organId);
  await refuseTwin(ctx, county._id, input.aliases, organ._id);
  await ctx.tx.collection(COLLECTIONS.organs).doc(organ._id).update({ aliases: input.aliases });
  ctx.audit({ action: 'setAliases', target: organ._id, before: organ.aliases ?? [], after: input.aliases });
  return organView({ ...organ, aliases: input.aliases });
}

export async function settings(input: { dueDate: string }, ctx: TxContext): Promise<{ dueDate: string }> {
  const { county } = await countyScope(ctx, ctx.tx);
  await ctx.tx.collection(COLLECTIONS.organs).doc(county._id).update({ townshipDueDate: input.dueDate });
  ctx.audit({ action: 'settings', target: county._id, before: county.townshipDueDate ?? null, after: input.dueDate });
  return { dueDate: input.dueDate };
}

export async function inviteOrgan(input: { expiresInDays: number }, ctx: TxContext): Promise<CountyInvitation> {
  const { county, staff } = await countyScope(ctx, ctx.tx);
  const code = newCode(10);
  const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000);
  const key = hashCode(code);
  const link = { countyId: county._id, used: false, expiresAt, createdBy: staff._id };
  await ctx.tx.collection(COLLECTIONS.countyLinks).doc(key).set(link);
  ctx.audit({ action: 'inviteOrgan', target: key, after: link });
  return { code, expiresAt: expiresAt.toISOString() };
}
