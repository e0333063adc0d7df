/**
 * @jest-environment node
 *
 * The whole mini program compiled offline by miniprogram-ci, as an upload would: every page, component, WXML,
 * WXSS and JSON file compiles, nothing tries to leave the machine, and the main package stays in budget. A copy
 * with a WXML syntax error must fail, or this check could not catch anything.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { compileOffline, summerCacheDir, type CompileResult } from '../../scripts/compile-check';
import { goOffline, isLoopback } from '../../scripts/compile-check/offline';
import { MAIN_BUDGET_BYTES, packageSizes, type AppJsonPackages } from '../../scripts/compile-check/packages';

// One offline compile of the whole project: about 1–2 minutes alone, several on a machine shared with other runs.
jest.setTimeout(300_000);

const PROJECT = path.resolve(__dirname, '..', '..');
const ROOT = path.join(PROJECT, 'miniprogram');
const SOURCE_EXTENSIONS = new Set(['.ts', '.wxml', '.wxss', '.json']);
const NOT_SHIPPED = new Set(['tsconfig.json']);

/** A module of types only compiles to nothing, so an upload drops it (api/contract.ts). */
function typesOnly(file: string): boolean {
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, removeComments: true },
  }).outputText;
  return (
    js
      .replace(/"use strict";|Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);|export \{\};/g, '')
      .trim() === ''
  );
}

/** Our source files under miniprogram/, as paths of what they compile to (.ts → .js). */
function expectedOutputs(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'miniprogram_npm' || entry.name === 'node_modules' ? [] : expectedOutputs(full);
    const ext = path.extname(entry.name);
    if (!SOURCE_EXTENSIONS.has(ext) || NOT_SHIPPED.has(entry.name) || entry.name.endsWith('.d.ts')) return [];
    if (ext === '.ts' && typesOnly(full)) return [];
    return [path.relative(ROOT, full).split(path.sep).join('/').replace(/\.ts$/, '.js')];
  });
}

interface AppJson extends AppJsonPackages {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
}

describe('offline compile (miniprogram-ci)', () => {
  let result: CompileResult;
  const appJson = JSON.parse(readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as AppJson;

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'miniprogram_npm')))
      throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build`');
    result = await compileOffline(PROJECT);
  });

  it('compiles every page of the main package and the subpackages', () => {
    const routes = [...appJson.pages, ...appJson.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}${p}`))];
    const missing = routes
      .flatMap((route) => ['.js', '.json', '.wxml', '.wxss'].map((ext) => `${route}${ext}`))
      .filter((f) => !(f in result.files));
    expect(missing).toEqual([]);
  });

  it('compiles every source file of ours and the TDesign components the pages use', () => {
    const missing = expectedOutputs().filter((f) => !(f in result.files));
    expect(missing).toEqual([]);
    for (const component of ['button/button', 'empty/empty', 'loading/loading']) {
      expect(Object.keys(result.files)).toContain(`miniprogram_npm/tdesign-miniprogram/${component}.wxml`);
    }
    expect(Object.keys(result.files)).toContain('miniprogram_npm/gongkai-core/index.js');
    // The staff subpackage's own bundle resolves from its own miniprogram_npm/ (and the chunk it shares).
    expect(Object.keys(result.files)).toContain('staff/miniprogram_npm/gongkai-staff/index.js');
  });

  it('drops what no page uses, as an upload would', () => {
    expect(Object.keys(result.files).filter((f) => f.includes('/tdesign-miniprogram/calendar/'))).toEqual([]);
  });

  it('reached nothing but this machine', () => {
    expect(result.blocked).toEqual([]);
  });

  it("leaves no compiler cache in the working directory (miniprogram-ci's summer cache)", () => {
    expect(existsSync(summerCacheDir(PROJECT))).toBe(false);
  });

  it('keeps the main package under 2 MB', () => {
    const [main, ...subs] = packageSizes(result.files, appJson);
    expect(main?.bytes).toBeLessThan(MAIN_BUDGET_BYTES);
    expect(subs.map((s) => s.name)).toEqual(['staff']);
  });

  it('reports a WXML syntax error with its file and line', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'gongkai-broken-'));
    try {
      cpSync(path.join(PROJECT, 'project.config.json'), path.join(copy, 'project.config.json'));
      cpSync(ROOT, path.join(copy, 'miniprogram'), { recursive: true });
      const wxml = path.join(copy, 'miniprogram', 'pages', 'report', 'reader', 'index.wxml');
      writeFileSync(wxml, `${readFileSync(wxml, 'utf8')}<view class="{{oops +}}"></text>\n`);
      await expect(compileOffline(copy)).rejects.toThrow(/unexpected end tag: text/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('goOffline', () => {
  // The guard is tested in front of a stub network, so that a broken guard fails the test without traffic.
  const realConnect = net.Socket.prototype.connect;
  const realLookup = dns.lookup;
  const reached: string[] = [];

  beforeEach(() => {
    reached.length = 0;
    net.Socket.prototype.connect = function stubConnect(this: net.Socket): net.Socket {
      reached.push('connect');
      process.nextTick(() => this.destroy(Object.assign(new Error('stub network'), { code: 'ESTUB' })));
      return this;
    } as typeof realConnect;
    dns.lookup = ((host: string, ...rest: unknown[]) => {
      reached.push(`lookup ${host}`);
      const callback = rest[rest.length - 1] as (e: Error) => void;
      process.nextTick(() => callback(Object.assign(new Error('stub dns'), { code: 'ESTUB' })));
    }) as typeof dns.lookup;
  });

  afterEach(() => {
    net.Socket.prototype.connect = realConnect;
    dns.lookup = realLookup;
  });

  const attempt = (url: string) =>
    new Promise<string>((resolve) => {
      http.get(url, () => resolve('connected')).on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });

  it('refuses connections and look-ups beyond loopback, records them, and restores', async () => {
    const guard = goOffline();
    try {
      await expect(attempt('http://servicewechat.com/wxa/ci/getwhiteextlist')).resolves.toBe('ECONNREFUSED');
      await expect(attempt('http://93.184.216.34/')).resolves.toBe('ECONNREFUSED');
      await expect(new Promise((resolve) => dns.lookup('example.com', (e) => resolve(e?.code)))).resolves.toBe(
        'ECONNREFUSED',
      );
      await expect(dns.promises.lookup('example.com')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      guard.restore();
    }
    expect(guard.blocked).toEqual(['servicewechat.com', '93.184.216.34', 'example.com', 'example.com']);
    expect(reached).toEqual([]);
    expect(net.Socket.prototype.connect).not.toBe(realConnect); // the stub is back, not the guard
  });

  it('lets loopback through', async () => {
    const guard = goOffline();
    try {
      await expect(attempt('http://127.0.0.1:9/')).resolves.toBe('ESTUB');
    } finally {
      guard.restore();
    }
    expect(reached).toEqual(['connect']);
    expect(['127.0.0.1', '::1', '[::1]', 'localhost', undefined].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', 'example.com'].some(isLoopback)).toBe(false);
  });
});
