/**
 * The database endpoint's dispatcher: `body.action` → handler, and every failure → the reply shape the
 * SDK throws on (HTTP 200, top-level `code` + `message`).
 */
import { isPlainObject } from '../ejson';
import { DbError } from '../db/errors';
import { DuplicateIdError, MissingCollectionError } from '../store/types';
import { aggregateDocuments } from './aggregate';
import { addCollection } from './collections';
import type { Action, ActionContext, ActionReply } from './context';
import { insertDocument } from './insert';
import { modifyAndReturnDoc, modifyDocument } from './modify';
import { calculateDocument, getDocument } from './read';
import { removeDocument } from './remove';
import { abortTransaction, commitTransaction, startTransaction } from './transaction';

export const ACTIONS: Readonly<Record<string, Action>> = {
  'database.addCollection': addCollection,
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
};

export interface ErrorReply {
  code: string;
  message: string;
}

/** Maps a thrown value to a CloudBase error; unexpected ones are logged and reported generically. */
export function toErrorReply(e: unknown, log: (message: string) => void): ErrorReply {
  if (e instanceof DbError) return { code: e.code, message: e.message };
  if (e instanceof DuplicateIdError) return { code: 'DATABASE_DUPLICATE_WRITE', message: e.message };
  if (e instanceof MissingCollectionError) {
    return { code: 'DATABASE_COLLECTION_NOT_EXIST', message: `Db or Table not exist: ${e.collection}` };
  }
  log(`database request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return { code: 'DATABASE_REQUEST_FAILED', message: e instanceof Error ? e.message : 'database request failed' };
}

/** Runs one request body; returns the reply fields (without requestId), errors included. */
export function dispatch(body: unknown, ctx: ActionContext, log: (message: string) => void): ActionReply {
  try {
    if (!isPlainObject(body)) throw new DbError('INVALID_PARAM', 'request body must be a JSON object');
    const name = body.action;
    const action = typeof name === 'string' ? ACTIONS[name] : undefined;
    if (!action) throw new DbError('INVALID_PARAM', `unsupported action: ${String(name)}`);
    return action(body, ctx);
  } catch (e) {
    return { ...toErrorReply(e, log) };
  }
}
