import { num, one, rows, runTransaction, startTransaction, str } from '../helpers/sdk';
import type { Collection } from '../helpers/sdk';
import type { ContractContext } from './context';

export function transactionContract(ctx: ContractContext): void {
  describe('transactions', () => {
    let accounts: Collection;
    beforeAll(async () => {
      accounts = await ctx.fresh('accounts');
      await accounts.add([
        { _id: 'alice', balance: 100 },
        { _id: 'bob', balance: 0 },
      ]);
    });
    const _ = () => ctx.db().command;
    const balance = async (id: string): Promise<unknown> => one(await accounts.doc(id).get())?.balance;

    it('runTransaction commits every write and returns the callback result', async () => {
      const result = await runTransaction(ctx.db(), async (tx) => {
        const col = tx.collection(ctx.name('accounts'));
        const from = one(await col.doc('alice').get());
        expect(from?.balance).toBe(100);
        await col.doc('alice').update({ balance: _().inc(-30) });
        await col.doc('bob').update({ balance: _().inc(30) });
        await col.add({ _id: 'log-1', amount: 30 });
        // Read-your-writes inside the transaction.
        expect(one(await col.doc('log-1').get())).toEqual({ _id: 'log-1', amount: 30 });
        expect(one(await col.doc('alice').get())?.balance).toBe(70);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await balance('alice')).toBe(70);
      expect(await balance('bob')).toBe(30);
      expect(one(await accounts.doc('log-1').get())).toEqual({ _id: 'log-1', amount: 30 });
    });

    it('runTransaction whose callback throws writes nothing and rethrows', async () => {
      const failure = runTransaction(ctx.db(), async (tx) => {
        const col = tx.collection(ctx.name('accounts'));
        await col.doc('alice').update({ balance: _().inc(-1000) });
        await col.add({ _id: 'log-fail', amount: 1000 });
        throw new Error('insufficient funds');
      });
      await expect(failure).rejects.toThrow('insufficient funds');
      expect(await balance('alice')).toBe(70);
      expect(rows(await accounts.doc('log-fail').get())).toEqual([]);
    });

    it('startTransaction + rollback discards writes, which were never visible outside', async () => {
      const tx = await startTransaction(ctx.db());
      const col = tx.collection(ctx.name('accounts'));
      const id = str(await col.add({ balance: 5 }), 'id');
      await col.doc('bob').set({ balance: -1 });
      expect(rows(await accounts.doc(id).get())).toEqual([]); // isolation: not visible before commit
      expect(await balance('bob')).toBe(30);
      await tx.rollback();
      expect(rows(await accounts.doc(id).get())).toEqual([]);
      expect(await balance('bob')).toBe(30);
    });

    it('startTransaction + commit makes removes and sets visible together', async () => {
      const tx = await startTransaction(ctx.db());
      const col = tx.collection(ctx.name('accounts'));
      expect(num(await col.doc('log-1').remove(), 'deleted')).toBe(1);
      await col.doc('carol').set({ balance: 1 });
      expect(one(await accounts.doc('log-1').get())).not.toBeNull();
      await tx.commit();
      expect(rows(await accounts.doc('log-1').get())).toEqual([]);
      expect(await balance('carol')).toBe(1);
    });
  });
}
