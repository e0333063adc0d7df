/**
 * Every acknowledged write survives kill -9: the server runs as a child process (server/cli.ts), is
 * SIGKILLed right after the last acknowledgement, restarted on the same DATA_DIR, and read back.
 */
import './helpers/env';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { killHard, spawnServer } from '../../scripts/durability';
import { loadAdminKey } from '../../server/auth/admin-key';
import { tempDir } from './helpers/local';
import { connectLocal, num, one, rows, str } from './helpers/sdk';

const N = 300;
const CONCURRENCY = 10;

jest.setTimeout(40_000);

let dataDir: string;
const running: ChildProcess[] = [];

beforeAll(() => {
  dataDir = tempDir('gongkai-durable-');
});

afterAll(() => {
  for (const proc of running) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('keeps every acknowledged write across kill -9', async () => {
  const first = await spawnServer(dataDir);
  running.push(first.proc);
  const db = connectLocal(first.url, loadAdminKey(dataDir, {}));
  await db.createCollection('durable');
  const col = db.collection('durable');

  // Concurrent single-document adds; an id counts only once its add() resolved (= acknowledged).
  const acknowledged: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < N) {
      const i = next;
      next += 1;
      acknowledged.push(str(await col.add({ i, at: new Date(1_700_000_000_000 + i) }), 'id'));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const batch: unknown = await col.add(Array.from({ length: 50 }, (_, k) => ({ i: N + k, batch: true })));
  await col.doc(acknowledged[0] ?? '').update({ updated: true });
  expect(num(await col.doc(acknowledged[1] ?? '').remove(), 'deleted')).toBe(1);
  expect(await killHard(first.proc)).toBe('SIGKILL'); // immediately after the last acknowledgement

  const second = await spawnServer(dataDir);
  running.push(second.proc);
  try {
    const again = connectLocal(second.url, loadAdminKey(dataDir, {})).collection('durable');
    const stored = [...rows(await again.limit(1000).get()), ...rows(await again.skip(1000).limit(1000).get())];
    const ids = new Set(stored.map((r) => String(r._id)));
    expect(acknowledged).toHaveLength(N);
    for (const id of acknowledged.slice(2)) expect(ids.has(id)).toBe(true);
    expect(ids.has(acknowledged[1] ?? '')).toBe(false);
    expect(one(await again.doc(acknowledged[0] ?? '').get())).toMatchObject({ i: expect.any(Number), updated: true });
    expect(stored.filter((r) => r.batch === true)).toHaveLength(50);
    expect(Array.isArray(batch && typeof batch === 'object' && 'ids' in batch ? batch.ids : null)).toBe(true);
    expect(stored).toHaveLength(N - 1 + 50);
    expect(stored.every((r) => r.batch === true || r.at instanceof Date)).toBe(true);
  } finally {
    await killHard(second.proc);
  }
});
