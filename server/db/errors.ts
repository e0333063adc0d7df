/**
 * Errors the database endpoint reports. The SDK throws any reply with a truthy top-level `code`, so the
 * codes are the ones CloudBase itself uses where one exists (see docs.cloudbase.net/error-code).
 */

export type DbErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_PERMISSION_DENIED'
  | 'INVALID_PARAM';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const collectionNotExist = (name: string): DbError =>
  new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);

export const invalidParam = (message: string): DbError => new DbError('INVALID_PARAM', message);
