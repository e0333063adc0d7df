/**
 * `npm run bench -- --county [--json]`: the county year (30 organs: 100k items, 20k requests, 2k cases, 2k
 * statistics entries; bench/county/generate.ts) loaded in batches through the SDK into a fresh local server running
 * in its own process, then measured: the report through the reports function and in memory, for one ordinary organ
 * (and for the same organ alone in a store of its own) and for one organ holding the whole volume; database round
 * trips of one build at both scales; catalogue pages (by organ, by category, by keyword; pages 1–3 reached by
 * cursor); the server's peak RSS; the store's size; the load average as each figure was taken. Figures, not
 * assertions.
 */
import '../../server/env';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { COLLECTIONS } from '../../backend/collections';
import { FUNCTION_HANDLERS } from '../../backend/functions';
import { createSetupCode } from '../../backend/organ';
import { connectLocal, type Db, type LocalKey } from '../../backend/sdk';
import { localEnv } from '../../server/env';
import type { FunctionName } from '../../shared/api';
import { buildReport } from '../../shared/report';
import { CATEGORIES, COUNTY, organYear, TOPICS, YEAR, type OrganYear } from './generate';

const ORGANS = 30;

// The functions run in this process and chain their audit entries: a key for this run unless one is set.
localEnv.all().AUDIT_HMAC_KEY ||= randomBytes(24).toString('base64url');

interface Server {
  url: string;
  /** The server's /admin credential. */
  key: LocalKey;
  dataDir: string;
  child: ChildProcess;
}

/**
 * A server process on `dataDir` (default: a fresh one). `bulk`: without the declared indexes, for loading — each
 * index kept row by row costs more than building it once over the loaded rows, as a restart with them then does.
 */
async function startServerProcess(dataDir?: string, mode: 'bulk' | 'indexed' = 'indexed'): Promise<Server> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-county-'));
  const args = [
    require.resolve('tsx/cli'),
    path.join(__dirname, 'server.ts'),
    dir,
    ...(mode === 'bulk' ? ['--bulk'] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const ready = JSON.parse(line) as { url: string; adminKey: LocalKey };
  return { url: ready.url, key: ready.adminKey, dataDir: dir, child };
}

async function stopServer(s: Server, keepData = false): Promise<void> {
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.stdin?.end();
  await exited;
  if (!keepData) fs.rmSync(s.dataDir, { recursive: true, force: true });
}

/** Loads a fresh store with `fill` on a server without indexes, then serves it from one that builds them. */
async function loadedServer<T>(fill: (db: Db) => Promise<T>): Promise<{ server: Server; filled: T }> {
  const bulk = await startServerProcess(undefined, 'bulk');
  const filled = await fill(connectLocal(bulk.url, bulk.key));
  await stopServer(bulk, true);
  return { server: await startServerProcess(bulk.dataDir), filled };
}

/** A counting pass-through in front of the server's /admin: the database round trips of the functions. */
async function countingProxy(target: string): Promise<{ url: string; count: () => number; close: () => void }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    n += 1;
    // A fresh connection per call (agent: false): no pooled socket the server may have closed meanwhile.
    const up = http.request(
      `${target}${req.url ?? ''}`,
      { method: req.method, headers: req.headers, agent: false },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'SYS_ERR', message: `bench proxy: ${e.message}` }));
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, count: () => n, close: () => server.close() };
}

async function get<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

function call(db: Db) {
  return async <T>(openid: string | null, fn: FunctionName, action: string, payload?: unknown): Promise<T> => {
    const handler = FUNCTION_HANDLERS[fn];
    if (!handler) throw new Error(`no function ${fn}`);
    const r = await handler({ action, payload }, { db, openid, log: () => undefined });
    if (!r.ok) throw new Error(`${fn}.${action}: ${r.code} ${r.message}`);
    return r.data as T;
  };
}

/** An organ set up through the functions, with a reviewer who may build its report. */
async function seedOrgan(db: Db, tag: string): Promise<{ organId: string; reviewer: string }> {
  const ok = call(db);
  const admin = `oAdmin-${tag}`;
  const reviewer = `oReviewer-${tag}`;
  const organ = {
    name: `${tag}人民政府`,
    creditCode: '11632323MB12345670',
    contactPhone: '0973-0000000',
    address: '政府大院',
  };
  const { organId } = await ok<{ organId: string }>(admin, 'organ', 'setup', {
    code: await createSetupCode(db),
    organ,
    displayName: '管理员',
  });
  const invite = await ok<{ code: string }>(admin, 'organ', 'invite', { role: 'reviewer' });
  await ok(reviewer, 'organ', 'bind', { code: invite.code, displayName: 'reviewer' });
  return { organId, reviewer };
}

async function load(db: Db, year: OrganYear): Promise<void> {
  const batches: [string, Record<string, unknown>[]][] = [
    [COLLECTIONS.items, year.items],
    [COLLECTIONS.requests, year.requests],
    [COLLECTIONS.cases, year.cases],
    [COLLECTIONS.statEntries, year.statEntries],
  ];
  // Batches of 250: a batch of 1,000 outlived the SDK's 15 s request timeout on a loaded machine.
  for (const [collection, docs] of batches) {
    for (let i = 0; i < docs.length; i += 250) await db.collection(collection).add(docs.slice(i, i + 250));
  }
}

/** A fresh server with one organ (set up through the functions) whose records are `year`'s. */
async function organAlone(year: OrganYear, tag: string) {
  const { server, filled: organ } = await loadedServer(async (db) => {
    const seeded = await seedOrgan(db, tag);
    for (const docs of [year.items, year.requests, year.cases, year.statEntries])
      for (const doc of docs) doc.organId = seeded.organId;
    await load(db, year);
    return seeded;
  });
  return { server, organ };
}

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(fn));
  return quantile(samples, 0.5);
}

function storeMb(dir: string): number {
  return fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0) / 2 ** 20;
}

/** One build through the function: its time (median) and its database round trips. */
async function reportThroughFunction(serverUrl: string, key: LocalKey, reviewer: string) {
  const proxy = await countingProxy(serverUrl);
  const ok = call(connectLocal(proxy.url, key));
  const build = () => ok(reviewer, 'reports', 'build', { year: YEAR });
  const ms = await median(5, build);
  const before = proxy.count();
  await build();
  const roundTrips = proxy.count() - before;
  proxy.close();
  return { ms, roundTrips };
}

function inMemoryMs(year: OrganYear, organ: string): number {
  const { requests, cases, statEntries, publishedItems } = year.records;
  const run = () =>
    buildReport(YEAR, { organ, requests, cases, statEntries, items: [], publishedItemCount: publishedItems });
  run();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return quantile(samples, 0.5);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const say = (s: string) => console.error(s);
  const started = performance.now();

  // ---- the county: 30 organs sharing the volume ----
  say('县级规模：30 个机关，写入中…');
  let ordinaryYear: OrganYear | null = null;
  const { server: county, filled: ordinary } = await loadedServer(async (bulk) => {
    const seeded = await seedOrgan(bulk, '扎毛乡');
    for (let i = 0; i < ORGANS; i++) {
      const year = organYear(i === 0 ? seeded.organId : `organ-${i + 1}`, `o${i + 1}`, 1 / ORGANS, 1000 + i);
      await load(bulk, year);
      if (i === 0) ordinaryYear = year;
    }
    return seeded;
  });
  const organIds = [ordinary.organId, ...Array.from({ length: ORGANS - 1 }, (_, i) => `organ-${i + 2}`)];
  const db = connectLocal(county.url, county.key);
  const loadCountyS = (performance.now() - started) / 1000;
  say(`  写入 ${loadCountyS.toFixed(0)} s`);
  const smallLoad = os.loadavg();
  const small = await reportThroughFunction(county.url, county.key, ordinary.reviewer);

  const ok = call(db);
  const pages: Record<'organ' | 'category' | 'keyword', number[]> = { organ: [], category: [], keyword: [] };
  const pagesLoad = os.loadavg();
  for (let i = 0; i < 30; i++) {
    const organId = organIds[(i * 7) % ORGANS];
    const inputs = {
      organ: { organId },
      category: { organId, category: CATEGORIES[i % CATEGORIES.length] },
      keyword: { organId, keyword: TOPICS[i % TOPICS.length] },
    };
    for (const kind of ['organ', 'category', 'keyword'] as const) {
      // Page 1, 2 or 3, reached by cursor as a phone scrolls; only the page itself is timed.
      let cursor: string | null = null;
      for (let page = 0; page < i % 3; page++) {
        const at: { cursor: string | null } = await ok(null, 'items', 'list', {
          ...inputs[kind],
          pageSize: 20,
          ...(cursor ? { cursor } : {}),
        });
        cursor = at.cursor;
      }
      const input = { ...inputs[kind], pageSize: 20, ...(cursor ? { cursor } : {}) };
      pages[kind].push(await timed(() => ok(null, 'items', 'list', input)));
    }
  }
  const countyRss = await get<{ peakMb: number }>(`${county.url}/bench/rss`);
  const countyStoreMb = storeMb(county.dataDir);
  await stopServer(county);
  const ordinaryInMemoryMs = inMemoryMs(ordinaryYear!, '扎毛乡人民政府');

  // ---- one organ holding the county's whole volume ----
  say('一个机关承载全县数据量：写入中…');
  // Generated before any connection is open: a long synchronous stretch lets the server close idle pooled sockets
  // under the SDK (a write to one then fails with EPIPE). The organ's id is filled in once it exists.
  const bigYear = organYear('', 'all', 1, 7);
  const { server: whole, organ: big } = await organAlone(bigYear, '全县');
  const fullLoad = os.loadavg();
  const full = await reportThroughFunction(whole.url, whole.key, big.reviewer);
  const wholeRss = await get<{ peakMb: number }>(`${whole.url}/bench/rss`);
  const wholeStoreMb = storeMb(whole.dataDir);
  await stopServer(whole);
  const fullInMemoryMs = inMemoryMs(bigYear, '全县人民政府');

  // ---- the same ordinary organ alone in a store ----
  say('同一机关单独在库中：写入中…');
  const { server: alone, organ: only } = await organAlone(organYear('', 'o1', 1 / ORGANS, 1000), '扎毛乡');
  const aloneLoad = os.loadavg();
  const aloneBuild = await reportThroughFunction(alone.url, alone.key, only.reviewer);
  await stopServer(alone);

  const p = (kind: keyof typeof pages, q: number) => Number(quantile(pages[kind], q).toFixed(1));
  const loadOf = (l: number[]) => l.map((x) => Number(x.toFixed(1)));
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    volume: COUNTY,
    reportFunctionMs: Number(full.ms.toFixed(1)),
    reportInMemoryMs: Number(fullInMemoryMs.toFixed(2)),
    ratio: Number((full.ms / fullInMemoryMs).toFixed(2)),
    ordinaryOrganReportMs: Number(small.ms.toFixed(1)),
    ordinaryOrganInMemoryMs: Number(ordinaryInMemoryMs.toFixed(2)),
    /** The same organ's build with only its own records in the store: the county's other 29 should cost nothing. */
    ordinaryOrganAloneMs: Number(aloneBuild.ms.toFixed(1)),
    ordinaryVsAlone: Number((small.ms / aloneBuild.ms).toFixed(2)),
    roundTripsSmall: small.roundTrips,
    roundTripsCounty: full.roundTrips,
    itemPageMs: {
      organ: { p50: p('organ', 0.5), p95: p('organ', 0.95) },
      category: { p50: p('category', 0.5), p95: p('category', 0.95) },
      keyword: { p50: p('keyword', 0.5), p95: p('keyword', 0.95) },
    },
    itemPageP95Ms: Math.max(p('organ', 0.95), p('category', 0.95), p('keyword', 0.95)),
    serverRssMb: Math.round(Math.max(countyRss.peakMb, wholeRss.peakMb)),
    storeMb: { county: Math.round(countyStoreMb), wholeVolumeOrgan: Math.round(wholeStoreMb) },
    loadCountySeconds: Math.round(loadCountyS),
    /** The machine's load average (1, 5, 15 min) as each figure was taken: other work on it inflates every time. */
    loadAverage: {
      ordinaryOrgan: loadOf(smallLoad),
      itemPages: loadOf(pagesLoad),
      wholeVolume: loadOf(fullLoad),
      ordinaryAlone: loadOf(aloneLoad),
    },
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const rows = [
    ['reports.build, one organ holding the whole volume', `${result.reportFunctionMs} ms`, '≤ 3 × in-memory'],
    ['buildReport in memory over the same records', `${result.reportInMemoryMs} ms`, ''],
    ['ratio', `${result.ratio}`, '≤ 3'],
    ['reports.build, one ordinary organ of 30', `${result.ordinaryOrganReportMs} ms`, '≤ 150 ms'],
    [
      'the same organ alone in a store; ratio',
      `${result.ordinaryOrganAloneMs} ms; ${result.ordinaryVsAlone}`,
      'no slower than alone',
    ],
    ['round trips of one build: 1/30 / full volume', `${result.roundTripsSmall} / ${result.roundTripsCounty}`, 'equal'],
    ...(['organ', 'category', 'keyword'] as const).map((k) => [
      `catalogue page of 20 by ${k}, p50 / p95`,
      `${result.itemPageMs[k].p50} / ${result.itemPageMs[k].p95} ms`,
      'p95 ≤ 50 ms',
    ]),
    ['server peak RSS', `${result.serverRssMb} MB`, '≤ 300 MB'],
    ['store size: county / whole-volume organ', `${result.storeMb.county} / ${result.storeMb.wholeVolumeOrgan} MB`, ''],
    ['whole bench', `${result.totalSeconds} s`, '≤ 15 min'],
  ];
  const loads = Object.entries(result.loadAverage)
    .map(([what, l]) => `${what} ${l.join('/')}`)
    .join(', ');
  console.log(`County bench ${result.date} on ${result.machine}\n`);
  console.log(['| what | measured | budget |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
  console.log(`\nload average (1/5/15 min) as each was measured: ${loads}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
