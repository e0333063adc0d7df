/** Local-server behaviour beyond the shared contract: wire envelope, limits, error codes, edge cases. */
import './helpers/env';
import { type LocalServer, startLocal } from './helpers/local';
import { type Collection, errorCode, isRow, num, rows, str } from './helpers/sdk';
import { postAdmin } from './helpers/signed';

let local: LocalServer;
let people: Collection;

/** POSTs a raw action to the database endpoint, as the SDK would. */
async function raw(body: unknown): Promise<Record<string, unknown>> {
  const res = await postAdmin(local.server.url, local.server.adminKey, body as Record<string, unknown> | string);
  expect(res.status).toBe(200);
  const json: unknown = await res.json();
  if (!isRow(json)) throw new Error('reply is not an object');
  return json;
}

beforeAll(async () => {
  local = await startLocal();
  await local.db.createCollection('people');
  people = local.db.collection('people');
  await people.add(Array.from({ length: 150 }, (_, i) => ({ i, name: i % 2 ? 'odd' : 'even' })));
});

afterAll(async () => {
  await local.stop();
});

describe('envelope and errors', () => {
  it('replies with requestId and data', async () => {
    const reply = await raw({ action: 'database.calculateDocument', collectionName: 'people', queryType: 'WHERE' });
    expect(typeof reply.requestId).toBe('string');
    expect(reply.data).toEqual({ total: 150 });
    expect(reply.code).toBeUndefined();
  });

  it('reports bad requests as INVALID_PARAM with HTTP 200', async () => {
    expect((await raw('{not json')).code).toBe('INVALID_PARAM');
    expect((await raw({ action: 'database.noSuchThing' })).code).toBe('INVALID_PARAM');
    expect((await raw({ action: 'database.getDocument' })).code).toBe('INVALID_PARAM');
    const badQuery = await raw({ action: 'database.getDocument', collectionName: 'people', query: '{"a":{"$foo":1}}' });
    expect(badQuery).toMatchObject({ code: 'INVALID_PARAM' });
    expect(String(badQuery.message)).toMatch(/\$foo/);
    const badEjson = await raw({ action: 'database.getDocument', collectionName: 'people', query: '{"a":' });
    expect(badEjson.code).toBe('INVALID_PARAM');
  });

  it('surfaces INVALID_PARAM through the SDK for unknown operators', async () => {
    expect(await errorCode(people.where({ i: { $foo: 1 } }).get())).toBe('INVALID_PARAM');
    const rawUpdate = people
      .options({ raw: true })
      .where({ i: 1 })
      .update({ $frobnicate: { i: 1 } });
    expect(await errorCode(rawUpdate)).toBe('INVALID_PARAM');
  });

  it('serves other routes as 404 JSON', async () => {
    const res = await fetch(`${local.server.url}/nowhere`);
    expect(res.status).toBe(404);
  });
});

describe('limits', () => {
  it('defaults to 100 and caps at 1000 even when a client skips the SDK', async () => {
    const base = { action: 'database.getDocument', collectionName: 'people', queryType: 'WHERE' };
    const listLength = (reply: Record<string, unknown>): number => {
      const data = reply.data;
      return isRow(data) && Array.isArray(data.list) ? data.list.length : -1;
    };
    expect(listLength(await raw(base))).toBe(100);
    expect(listLength(await raw({ ...base, limit: 5000 }))).toBe(150);
    await people.add(Array.from({ length: 900 }, (_, i) => ({ i: 1000 + i, filler: true })));
    expect(listLength(await raw({ ...base, limit: 5000 }))).toBe(1000);
    expect(num(await people.where({ filler: true }).remove(), 'deleted')).toBe(900);
  });
});

describe('documents', () => {
  it('generates 32-hex ids like CloudBase', async () => {
    expect(str(await people.add({ x: 1 }), 'id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('inserts an array atomically: one duplicate and nothing is written', async () => {
    await local.db.createCollection('atomic');
    const col = local.db.collection('atomic');
    await col.add({ _id: 'taken' });
    expect(await errorCode(col.add([{ _id: 'new-1' }, { _id: 'taken' }, { _id: 'new-2' }]))).toBe(
      'DATABASE_DUPLICATE_WRITE',
    );
    expect(rows(await col.get()).map((r) => r._id)).toEqual(['taken']);
  });

  it('counts only documents actually changed as updated (MongoDB nModified)', async () => {
    await local.db.createCollection('noop');
    const col = local.db.collection('noop');
    await col.add([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 2 },
    ]);
    expect(num(await col.where({ v: local.db.command.gte(1) }).update({ v: 2 }), 'updated')).toBe(1);
    expect(num(await col.doc('a').update({ v: 2 }), 'updated')).toBe(0);
  });

  it('applies the whole query after an _id lookup', async () => {
    const id = str(await people.add({ i: -1 }), 'id');
    expect(rows(await people.where({ _id: id, i: -1 }).get())).toHaveLength(1);
    expect(rows(await people.where({ _id: id, i: 99 }).get())).toHaveLength(0);
    expect(rows(await people.where({ _id: local.db.command.eq(id) }).get())).toHaveLength(1);
  });

  it('accepts regex flags JS has but MongoDB ignores (the SDK sends /x/g as options "g")', async () => {
    expect(rows(await people.where({ name: /^OD/gi }).limit(1000).get())).toHaveLength(75);
  });

  it('resolves db.serverDate() inside queries too', async () => {
    await local.db.createCollection('stamped');
    const col = local.db.collection('stamped');
    await col.add({ at: new Date(Date.now() - 1000) });
    expect(num(await col.where({ at: local.db.command.lte(local.db.serverDate()) }).count(), 'total')).toBe(1);
    expect(num(await col.where({ at: local.db.command.gt(local.db.serverDate()) }).count(), 'total')).toBe(0);
  });

  it('stores numeric ids as strings and finds them either way', async () => {
    await people.doc(5).set({ n: 'five' });
    expect(rows(await people.doc(5).get())).toEqual([{ _id: '5', n: 'five' }]);
    expect(rows(await people.doc('5').get())).toEqual([{ _id: '5', n: 'five' }]);
    expect(num(await people.doc(5).remove(), 'deleted')).toBe(1);
  });

  it('rejects changing _id', async () => {
    const id = str(await people.add({ i: -2 }), 'id');
    const change = people
      .options({ raw: true })
      .where({ _id: id })
      .update({ $set: { _id: 'other' } });
    expect(await errorCode(change)).toBe('INVALID_PARAM');
  });
});
