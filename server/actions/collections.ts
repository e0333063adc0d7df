/** database.addCollection — db.createCollection(name). */
import { z } from 'zod';
import { DbError } from '../db/errors';
import type { Action } from './context';
import { collectionName, parseParams } from './params';

const schema = z.object({ collectionName });

export const addCollection: Action = (body, ctx) => {
  const { collectionName: name } = parseParams(schema, body);
  if (!ctx.store.createCollection(name)) {
    throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);
  }
  return { data: {} };
};
