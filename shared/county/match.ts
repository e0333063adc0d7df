/**
 * Which organ under a county a report is of, by the name the report gives: the names matched as keys
 * (shared/records/organ-name.ts normaliseOrganName: 人民政府/政府, a parent prefix, markup), with the aliases the
 * county set for each organ. An exact key wins; else one organ whose key the name's key ends with (or the other way
 * round: “财政局” as a title gives it, “某某县财政局” as the county knows it) — never a guess among several.
 */
import { normaliseOrganName, type OrganAliases } from '../records/organ-name';

export interface KnownOrgan {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface OrganMatch {
  id: string;
  by: 'name' | 'alias';
}

/** Every organ's aliases as one alias → canonical name table. */
export function aliasTable(organs: readonly KnownOrgan[]): OrganAliases {
  return Object.fromEntries(organs.flatMap((o) => o.aliases.map((a) => [a, o.name] as const)));
}

/** The organ `name` is of, or null when none or several could be (the county then names it itself). */
export function matchOrgan(name: string, organs: readonly KnownOrgan[]): OrganMatch | null {
  const key = normaliseOrganName(name);
  if (key === '') return null;
  const byName = organs.filter((o) => normaliseOrganName(o.name) === key);
  if (byName.length === 1 && byName[0]) return { id: byName[0].id, by: 'name' };
  if (byName.length > 1) return null;
  const aliased = normaliseOrganName(name, aliasTable(organs));
  const byAlias = organs.filter((o) => o.aliases.length > 0 && normaliseOrganName(o.name) === aliased);
  if (aliased !== key && byAlias.length === 1 && byAlias[0]) return { id: byAlias[0].id, by: 'alias' };
  const partial = organs.filter((o) => {
    const other = normaliseOrganName(o.name);
    return other !== '' && (other.endsWith(key) || key.endsWith(other));
  });
  return partial.length === 1 && partial[0] ? { id: partial[0].id, by: 'name' } : null;
}
