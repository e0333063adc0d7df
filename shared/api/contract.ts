/**
 * What a contract says about one action of a cloud function: the input it takes (a zod schema: the function parses
 * every payload with it), the answer it gives (a zod schema: the tests check every answer with it; the mini program
 * takes its type only), who may call it, and the rules the runtime applies to it. The handler (backend/runtime.ts
 * defineFunction) and the page client (miniprogram/api/client.ts call) are both typed from here.
 */
import type * as z from 'zod';
import type { Access } from '../policy/roles';

interface ActionContractBase<I extends z.ZodType, A extends z.ZodType> {
  input: I;
  answer: A;
  /** The roles allowed; a staff role also means the caller's own organ only (the handlers' sameOrgan rule). */
  access: Access;
  /** Writes an audit entry (every write, and the staff reads that show personal data). */
  audited?: boolean;
}

/**
 * A transactional action may be idempotent; a plain one may not (it does not compile): the one idempotency
 * mechanism is the stored answer a transactional action writes in its own transaction (backend/idempotency.ts).
 */
export type ActionContract<I extends z.ZodType = z.ZodType, A extends z.ZodType = z.ZodType> = ActionContractBase<
  I,
  A
> &
  (
    | {
        /** Runs in ONE transaction with its audit entries (and its stored answer when idempotent). */
        transactional: true;
        /** A repeat carrying the same idempotency key answers the first result without acting again. */
        idempotent?: boolean;
      }
    | { transactional?: false; idempotent?: never }
  );

export type FunctionContract = Record<string, ActionContract>;

/** Keeps each action's own schema types (a plain annotation would widen them to ActionContract). */
export function defineContract<const C extends FunctionContract>(actions: C): C {
  return actions;
}

/** What a caller sends (before defaults and trimming). */
export type PayloadOf<C extends ActionContract> = z.input<C['input']>;
/** What a handler receives (parsed: defaults filled, text trimmed). */
export type InputOf<C extends ActionContract> = z.output<C['input']>;
/** What the action answers in `{ ok: true, data }`. */
export type AnswerOf<C extends ActionContract> = z.output<C['answer']>;

/**
 * An answer schema typed as the answer's declared type. For answers whose nested parts have no schema of their own
 * (the request views), the schema checks the top-level fields and the declared type stands for the rest.
 */
/** The rule flags of a write: it runs in one transaction with its audit entry. */
export const WRITE = { transactional: true, audited: true } as const;
/** A write whose repeat with the same idempotencyKey gets the first call's stored answer. */
export const IDEMPOTENT_WRITE = { idempotent: true, ...WRITE } as const;

export function answerOf<T>(schema: z.ZodType): z.ZodType<T, unknown> {
  return schema as z.ZodType<T, unknown>;
}
