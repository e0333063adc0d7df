/**
 * A closed set of codes written once, as one table of code → Chinese label: the codes (for `z.enum`, in the table's
 * order), their type and the labels all come from it, so a new code is one edit and no code can lack its label.
 *
 *   export const { codes: CHANNELS, labels: CHANNEL_LABELS } = labelledCodes({ online: '网上申请', post: '信函邮寄' });
 *   export type Channel = (typeof CHANNELS)[number];
 *
 * A bundle that imports anything from such a module takes its tables whole (a bundler cannot drop half of a
 * destructured call): keep a table apart from code that other functions import without it (requests/id-types.ts).
 * No zod here: a module that only shows labels takes none.
 */
export interface LabelledCodes<C extends string> {
  /** The codes in the table's order; `z.enum(codes)` accepts exactly these. */
  readonly codes: readonly [C, ...C[]];
  readonly labels: Readonly<Record<C, string>>;
}

export function labelledCodes<C extends string>(table: Readonly<Record<C, string>>): LabelledCodes<C> {
  // Object.keys keeps the order the table was written in (no code is an integer-like key).
  return { codes: Object.keys(table) as [C, ...C[]], labels: table };
}
