/**
 * @jest-environment node
 *
 * The two core bundles (shared/bundles/main.ts → gongkai-core, shared/bundles/staff.ts → gongkai-staff): what
 * each package ships. Staff-only code stays out of the main package; what both use ships once, in the main
 * package; and nothing outside staff/ imports the staff bundle (the main package cannot load a subpackage's files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { config } from 'zod';
import { buildCore, type CoreBuild } from '../../scripts/build-miniprogram/core';
import * as mainEntry from '../../shared/bundles/main';
import * as staffEntry from '../../shared/bundles/staff';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..', 'miniprogram');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function sources(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('core bundles', () => {
  let built: CoreBuild[];
  const inPackage = (root: string) => built.filter((b) => rel(b.file).startsWith(root));
  const inputsOf = (bundles: CoreBuild[]) => new Set(bundles.flatMap((b) => b.inputs));

  beforeAll(async () => {
    built = await buildCore({ write: false });
  });

  it('puts the main bundle and the chunk it shares in the main package, the staff bundle in staff/', () => {
    expect(built.map((b) => [b.name, rel(b.file).replace(/chunk-\w+/, 'chunk')]).sort()).toEqual([
      ['gongkai-core', 'miniprogram_npm/gongkai-core/index.js'],
      ['gongkai-staff', 'staff/miniprogram_npm/gongkai-staff/index.js'],
      ['shared chunk', 'miniprogram_npm/gongkai-core/chunk.js'],
    ]);
  });

  it('keeps staff-only code out of the main package', () => {
    const main = inputsOf(inPackage('miniprogram_npm/'));
    const staff = inputsOf(inPackage('staff/'));
    for (const staffOnly of [
      'shared/report/build.ts',
      'shared/requests/letters/outcomes.ts',
      'shared/requests/fees.ts',
      'shared/requests/transitions.ts',
    ]) {
      expect(main.has(staffOnly)).toBe(false);
      expect(staff.has(staffOnly)).toBe(true);
    }
    // The official holiday tables (chinese-days) are the server's: no page counts working days.
    expect([...main, ...staff].filter((f) => f.includes('chinese-days'))).toEqual([]);
  });

  it('ships what both use once: zod only in the main package', () => {
    const zodIn = (bundles: CoreBuild[]) => [...inputsOf(bundles)].filter((f) => f.startsWith('node_modules/zod/'));
    expect(zodIn(inPackage('miniprogram_npm/')).length).toBeGreaterThan(0);
    expect(zodIn(inPackage('staff/'))).toEqual([]);
  });

  it('exports only names that exist at run time, and turns zod jitless on load', () => {
    const missing = Object.entries({ ...mainEntry, ...staffEntry })
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    expect(missing).toEqual([]);
    expect(Object.keys(staffEntry)).toContain('buildReport');
    expect(config().jitless).toBe(true);
  });

  it('is imported as gongkai-staff only from staff/', () => {
    const outside = sources()
      .filter((f) => !rel(f).startsWith('staff/'))
      .filter((f) => /from 'gongkai-staff'/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(outside).toEqual([]);
  });
});
