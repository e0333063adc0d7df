/** Local transaction semantics: isolation, conflicts, retries, expiry (design in server/db/transactions.ts). */
import './helpers/env';
import { type LocalServer, startLocal } from './helpers/local';
import { type Collection, errorCode, num, one, rows, runTransaction, startTransaction } from './helpers/sdk';

let local: LocalServer;
let col: Collection;
let round = 0;

beforeAll(async () => {
  // The default timeout: a short one would expire transactions of the other tests on a busy machine.
  local = await startLocal();
});

afterAll(async () => {
  await local.stop();
});

beforeEach(async () => {
  round += 1;
  await local.db.createCollection(`t${round}`);
  col = local.db.collection(`t${round}`);
  await col.add([
    { _id: 'a', v: 1, g: 1 },
    { _id: 'b', v: 1, g: 2 },
  ]);
});

const v = async (id: string): Promise<unknown> => one(await col.doc(id).get())?.v;

it('a document changed outside after the transaction read it makes commit conflict', async () => {
  const tx = await startTransaction(local.db);
  const inTx = tx.collection(col.name);
  expect(one(await inTx.doc('a').get())?.v).toBe(1);
  await col.doc('a').update({ v: 50 }); // outside the transaction
  await inTx.doc('a').update({ v: 2 });
  expect(await errorCode(tx.commit())).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await v('a')).toBe(50);
});

it('of two transactions writing one document, the first commit wins', async () => {
  const t1 = await startTransaction(local.db);
  const t2 = await startTransaction(local.db);
  await t1.collection(col.name).doc('a').update({ v: 10 });
  await t2.collection(col.name).doc('a').update({ v: 20 });
  await t1.commit();
  expect(await errorCode(t2.commit())).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await v('a')).toBe(10);
});

it('a transaction that queried a collection conflicts with an insert there (no phantoms)', async () => {
  const tx = await startTransaction(local.db);
  expect(rows(await tx.collection(col.name).where({ g: 1 }).get())).toHaveLength(1);
  await col.add({ g: 1 });
  await tx.collection(col.name).doc('b').update({ v: 3 });
  expect(await errorCode(tx.commit())).toBe('DATABASE_TRANSACTION_CONFLICT');
});

it('writes elsewhere do not conflict', async () => {
  const tx = await startTransaction(local.db);
  await tx.collection(col.name).doc('a').update({ v: 7 });
  await col.doc('b').update({ v: 8 });
  await tx.commit();
  expect([await v('a'), await v('b')]).toEqual([7, 8]);
});

it('runTransaction retries a conflicting attempt (the SDK retries DATABASE_TRANSACTION_CONFLICT)', async () => {
  let attempts = 0;
  await runTransaction(local.db, async (tx) => {
    attempts += 1;
    const inTx = tx.collection(col.name);
    const current = one(await inTx.doc('a').get())?.v;
    if (attempts === 1) await col.doc('a').update({ v: 100 }); // a concurrent writer sneaks in
    await inTx.doc('a').update({ v: Number(current) + 1 });
  });
  expect(attempts).toBe(2);
  expect(await v('a')).toBe(101);
});

it('a transaction left open expires: later use fails with DATABASE_TRANSACTION_FAIL', async () => {
  // Its own server with a 300 ms timeout, so only this test waits for an expiry.
  const short = await startLocal({ transactionTimeoutMs: 300 });
  try {
    await short.db.createCollection('expiry');
    const expiry = short.db.collection('expiry');
    await expiry.add({ _id: 'a', v: 1 });
    const tx = await startTransaction(short.db);
    await tx.collection('expiry').add({ _id: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await errorCode(tx.collection('expiry').doc('a').get())).toBe('DATABASE_TRANSACTION_FAIL');
    expect(await errorCode(tx.commit())).toBe('DATABASE_TRANSACTION_FAIL');
    expect(rows(await expiry.doc('late').get())).toEqual([]);
  } finally {
    await short.stop();
  }
});

it('a duplicate insert inside a transaction fails without spoiling it', async () => {
  const tx = await startTransaction(local.db);
  const inTx = tx.collection(col.name);
  await inTx.add({ _id: 'c', v: 1 });
  expect(await errorCode(inTx.add({ _id: 'a' }))).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await errorCode(inTx.add({ _id: 'c' }))).toBe('DATABASE_DUPLICATE_WRITE');
  await tx.commit();
  expect(num(await col.count(), 'total')).toBe(3);
});

it('SDK quirk: where().update() inside a transaction is sent without it and survives rollback', async () => {
  const tx = await startTransaction(local.db);
  await tx.collection(col.name).where({ _id: 'b' }).update({ v: 99 });
  await tx.rollback();
  expect(await v('b')).toBe(99);
});
