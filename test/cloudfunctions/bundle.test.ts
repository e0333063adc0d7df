/**
 * Each cloud function bundles on its own and loads as the platform would load it. Only events refused before any
 * database call are sent: the bundle talks to the real CloudBase when deployed, and nothing may leave this machine.
 */
import '../server/helpers/env';
import path from 'node:path';
import { buildFunctions, functionNames } from '../../scripts/build-functions';

const OUT = path.resolve(__dirname, '../../dist/.test-bundles');

it('bundles every function into index.js + package.json within the 1 MB budget, and the bundle answers', async () => {
  const sizes = await buildFunctions(OUT);
  expect(sizes.map((s) => s.name).sort()).toEqual(functionNames().sort());
  expect(functionNames()).toEqual(expect.arrayContaining(['items', 'organ']));
  for (const s of sizes) {
    expect(s.external).toBeLessThan(1024 * 1024);
    const pkg = require(path.join(OUT, 'cloudfunctions', s.name, 'package.json')) as { main: string; dependencies: Record<string, string> };
    expect(pkg.main).toBe('index.js');
    expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk']);
    for (const variant of ['cloudfunctions', 'cloudfunctions-bundled']) {
      const fn = require(path.join(OUT, variant, s.name, 'index.js')) as { main(event: unknown, context: unknown): Promise<unknown> };
      await expect(fn.main({ payload: {} }, {})).resolves.toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'action' }] });
      await expect(fn.main({ action: 'nope' }, {})).resolves.toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  }
}, 60_000);
