/**
 * Each cloud function bundles on its own and loads as the platform would load it. Only events refused before any
 * database call are sent to the bundles: deployed, they talk to the real CloudBase, and nothing may leave this
 * machine. The trimmed SDK of the bundled variant is checked separately against the local server.
 */
import '../server/helpers/env';
import path from 'node:path';
import {
  BUDGET_BYTES,
  bundleEntry,
  buildFunctions,
  CEILING_KB,
  functionNames,
  type BundleSize,
} from '../../scripts/build-functions';
import { startLocal } from '../server/helpers/local';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist/.test-bundles');

interface Bundle {
  main(event: unknown, context: unknown): Promise<unknown>;
}

let sizes: BundleSize[] = [];
beforeAll(async () => {
  sizes = await buildFunctions(OUT);
}, 60_000);

it('bundles every function, the deployed variant within the 1 MB budget (and the SDK-bundled one, but where named), and each bundle answers a bad event', async () => {
  expect(sizes.map((s) => s.name).sort()).toEqual(functionNames().sort());
  expect(functionNames()).toEqual(expect.arrayContaining(['items', 'organ']));
  // The requests function deploys with its daily sweep trigger and the subscribe-message permission.
  const config = require(path.join(OUT, 'cloudfunctions', 'requests', 'config.json')) as {
    triggers: { type: string }[];
    permissions: { openapi: string[] };
  };
  expect(config.triggers).toEqual([expect.objectContaining({ type: 'timer' })]);
  expect(config.permissions.openapi).toContain('subscribeMessage.send');
  // Items and reports remind staff after their approvals commit.
  for (const name of ['items', 'reports']) {
    const own = require(path.join(OUT, 'cloudfunctions', name, 'config.json')) as {
      permissions: { openapi: string[] };
    };
    expect(own.permissions.openapi).toContain('subscribeMessage.send');
  }
  for (const s of sizes) {
    expect(s.external).toBeLessThan(BUDGET_BYTES);
    expect(s.bundled).toBeLessThan(BUDGET_BYTES);
    const pkg = require(path.join(OUT, 'cloudfunctions', s.name, 'package.json')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('index.js');
    expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk']);
    for (const variant of ['cloudfunctions', 'cloudfunctions-bundled']) {
      const fn = require(path.join(OUT, variant, s.name, 'index.js')) as Bundle;
      await expect(fn.main({ payload: {} }, {})).resolves.toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fieldErrors: [{ path: 'action' }],
      });
      await expect(fn.main({ action: 'nope' }, {})).resolves.toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  }
}, 60_000);

describe('each deployed bundle within its ceiling (scripts/build-functions CEILING_KB)', () => {
  it('names a ceiling for every function', () => {
    expect(Object.keys(CEILING_KB).sort()).toEqual(functionNames().sort());
  });
  for (const [name, kb] of Object.entries(CEILING_KB)) {
    it(`${name}: ${kb} KB`, () => {
      const built = sizes.find((s) => s.name === name);
      expect(built).toBeDefined();
      expect(built?.external).toBeLessThanOrEqual(kb * 1024);
    });
  }
});

it('the trimmed SDK still does database work and transactions', async () => {
  const file = path.join(OUT, 'trimmed-sdk-probe.js');
  await bundleEntry(path.join(ROOT, 'backend/sdk.ts'), file, 'bundled');
  const sdk = require(file) as typeof import('../../backend/sdk');
  const local = await startLocal();
  try {
    const db = sdk.connectLocal(local.server.url, local.server.adminKey);
    await db.createCollection('probe');
    const tx = await db.startTransaction();
    await tx.collection('probe').doc('a').set({ n: 1 });
    await tx.commit();
    expect(sdk.one(await db.collection('probe').doc('a').get())).toEqual({ _id: 'a', n: 1 });
    expect(sdk.openidFromContext({ environment: JSON.stringify({ WX_OPENID: 'oTrimmed' }) })).toBe('oTrimmed');
  } finally {
    await local.stop();
  }
}, 30_000);
