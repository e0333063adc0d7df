/**
 * `npm run durability [-- --kills N --writers W]`: the kill -9 loop. Runs the local server (server/cli.ts) as a child
 * process, streams writes at it from W concurrent writers (single adds and two-document transactions), SIGKILLs it
 * at a random moment while writes are in flight, restarts it on the same DATA_DIR, and goes on — N times. Then every
 * acknowledged write (its add() or commit() resolved) must be there, and SQLite's integrity_check must say ok.
 * Prints the figures; exit 1 when a write was lost or the file is damaged.
 */
import '../server/env';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connectLocal, rows, runTransaction, str } from '../backend/sdk';
import { loadAdminKey } from '../server/auth/admin-key';
import { DB_FILE_NAME } from '../server/store/sqlite';

const ROOT = path.resolve(__dirname, '..');

export interface Child {
  proc: ChildProcess;
  url: string;
}

/** Starts server/cli.ts on a free port over `dataDir` and resolves once it prints its URL. */
export function spawnServer(dataDir: string): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'cli.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 30_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: match[1] });
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening: ${out}${err}`));
    });
  });
}

export function killHard(proc: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.signalCode);
    proc.once('exit', (_code, signal) => resolve(signal));
    proc.kill('SIGKILL');
  });
}

export interface DurabilityResult {
  kills: number;
  acknowledged: number;
  lost: number;
  integrity: string;
}

export async function runDurability(options: {
  kills: number;
  writers: number;
  dataDir: string;
}): Promise<DurabilityResult> {
  const acknowledged = new Set<string>();
  let serial = 0;
  for (let round = 0; round < options.kills; round += 1) {
    const child = await spawnServer(options.dataDir);
    const db = connectLocal(child.url, loadAdminKey(options.dataDir, {}));
    if (round === 0) await db.createCollection('durable').catch(() => undefined);
    const col = db.collection('durable');
    let dead = false;
    const writer = async (): Promise<void> => {
      while (!dead) {
        const i = (serial += 1);
        try {
          if (i % 3 === 0) {
            const ids = [`t${i}a`, `t${i}b`];
            await runTransaction(db, async (tx) => {
              for (const id of ids) await tx.collection('durable').add({ _id: id, i, at: new Date() });
            });
            ids.forEach((id) => acknowledged.add(id));
          } else {
            acknowledged.add(str(await col.add({ i, at: new Date() }), 'id'));
          }
        } catch {
          // The server died under this write: it was never acknowledged, so it may or may not be there.
        }
      }
    };
    const running = Array.from({ length: options.writers }, writer);
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
    await killHard(child.proc);
    dead = true;
    await Promise.all(running);
  }
  const last = await spawnServer(options.dataDir);
  const stored = new Set<string>();
  try {
    const col = connectLocal(last.url, loadAdminKey(options.dataDir, {})).collection('durable');
    for (let page = 0; ; page += 1) {
      const list = rows(
        await col
          .orderBy('_id', 'asc')
          .skip(page * 1000)
          .limit(1000)
          .get(),
      );
      list.forEach((r) => stored.add(String(r._id)));
      if (list.length < 1000) break;
    }
  } finally {
    await killHard(last.proc);
  }
  const file = new Database(path.join(options.dataDir, DB_FILE_NAME), { readonly: true });
  const integrity = String(file.pragma('integrity_check', { simple: true }));
  file.close();
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
  return { kills: options.kills, acknowledged: acknowledged.size, lost, integrity };
}

async function main(argv: string[]): Promise<number> {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-durability-'));
  try {
    const r = await runDurability({ kills: value('--kills', 20), writers: value('--writers', 8), dataDir });
    console.log(
      `kill -9 ×${r.kills} during writes: ${r.acknowledged} acknowledged writes, ${r.lost} lost; integrity_check: ${r.integrity}`,
    );
    return r.lost === 0 && r.integrity === 'ok' ? 0 : 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack : String(e));
      process.exit(2);
    },
  );
