/**
 * The mini program compiled offline by miniprogram-ci, as an upload would compile it (unused files dropped),
 * without an account or network: requests miniprogram-ci makes go to a closed loopback port (ci.proxy), the
 * project's attributes are the defaults instead of WeChat's answer, the upload key is a throwaway file, and
 * goOffline() refuses any other connection. Used by test/miniprogram/compile.test.ts and `npm run size`.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goOffline } from './offline';

/** Nothing listens on the discard port: miniprogram-ci's requests fail at once, on this machine. */
export const CLOSED_LOOPBACK = 'http://127.0.0.1:9';
export const PLACEHOLDER_APPID = 'wx0000000000000000';

export type CompiledFiles = Record<string, string | Buffer>;

export interface CompileResult {
  files: CompiledFiles;
  /** Hosts other than loopback something tried to reach (refused). */
  blocked: string[];
  /** What miniprogram-ci printed (kept off the console: its expected errors about the closed port are noise). */
  log: string[];
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';
const CONSOLE_METHODS: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];

/** Routes console output into `log` until the returned function is called. */
function captureConsole(log: string[]): () => void {
  const saved = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  for (const m of CONSOLE_METHODS) console[m] = (...args: unknown[]) => void log.push(args.map(String).join(' '));
  return () => {
    for (const [m, fn] of saved) console[m] = fn;
  };
}

interface CiProject {
  projectPath: string;
  attr: () => Promise<unknown>;
  setting?: unknown;
}

interface MiniprogramCi {
  proxy(url: string): void;
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores?: string[];
  }) => CiProject;
  DefaultProjectAttr: unknown;
}

/**
 * What ci.getCompiledResult does, minus its leak: it builds a Builder whose compiler forks a child process and
 * never stops it (a test run then waits for it). Same steps, then builder.destroy(). Internal modules of
 * miniprogram-ci 2.1.42 (dist/ci/getcompiler, dist/ci/utils/tools, dist/utils/cache); recheck on upgrade.
 */
interface Builder {
  getCompiler(): Promise<{ compile(options: Record<string, unknown>): Promise<CompiledFiles> }>;
  destroy(): void;
}
interface CiInternals {
  getBuilder(project: CiProject, options?: Record<string, unknown>): Promise<Builder>;
  formatCISetting(project: CiProject, setting: Record<string, unknown>): Record<string, unknown>;
  cacheManager: { clean(): void };
}

function ciInternals(): CiInternals {
  const { getBuilder } = require('miniprogram-ci/dist/ci/getcompiler') as Pick<CiInternals, 'getBuilder'>;
  const { formatCISetting } = require('miniprogram-ci/dist/ci/utils/tools') as Pick<CiInternals, 'formatCISetting'>;
  const { cacheManager } = require('miniprogram-ci/dist/utils/cache') as Pick<CiInternals, 'cacheManager'>;
  return { getBuilder, formatCISetting, cacheManager };
}

/** As an upload compiles: ES6 → ES5, minified, TypeScript by the compiler plugin, unused files dropped. */
export const UPLOAD_SETTING = {
  es6: true,
  es7: true,
  minify: true,
  minifyWXML: true,
  minifyWXSS: true,
  useCompilerPlugins: ['typescript'],
  ignoreUploadUnusedFiles: true,
} as const;

async function compileProject(ci: CiInternals, project: CiProject): Promise<CompiledFiles> {
  process.env.COMPILE_THREADS = '0';
  ci.cacheManager.clean();
  const setting = ci.formatCISetting(project, { ...UPLOAD_SETTING });
  project.setting = setting;
  const builder = await ci.getBuilder(project, {});
  try {
    const compiler = await builder.getCompiler();
    const compiled = await compiler.compile({
      setting,
      onProgressUpdate: () => undefined,
      resultType: 'prod',
      disableSpreadingUsingComponents: true,
    });
    return Object.fromEntries(Object.entries(compiled).filter(([file]) => !file.endsWith('.js.map')));
  } finally {
    builder.destroy();
    rmSync(summerCacheDir(project.projectPath), { recursive: true, force: true });
  }
}

/**
 * miniprogram-ci's compiler keeps a cache in `md5(projectPath + '|summer')` relative to the working directory
 * (dist/modules/createSummer.js ensureCacheDir), which left empty folders at the repo's root after each check.
 */
export function summerCacheDir(projectPath: string): string {
  return path.resolve(createHash('md5').update(`${projectPath}|summer`).digest('hex'));
}

function throwawayKey(dir: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const file = path.join(dir, 'private.wx0000000000000000.key');
  writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  return file;
}

/** Compiles the project at `projectPath` (its project.config.json decides the roots). Rejects on any compile error. */
export async function compileOffline(projectPath: string): Promise<CompileResult> {
  const guard = goOffline();
  const log: string[] = [];
  const restoreConsole = captureConsole(log);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongkai-ci-'));
  const proxyVars = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'] as const;
  const savedProxy = proxyVars.map((v) => process.env[v]);
  for (const v of proxyVars) process.env[v] = CLOSED_LOOPBACK;
  try {
    // Loaded here, not on import: it is large (about 1 s) and only the compile check and `npm run size` need it.
    const ci = require('miniprogram-ci') as MiniprogramCi;
    ci.proxy(CLOSED_LOOPBACK);
    const project = new ci.Project({
      appid: PLACEHOLDER_APPID,
      type: 'miniProgram',
      projectPath,
      privateKeyPath: throwawayKey(tmp),
      ignores: ['node_modules/**/*'],
    });
    project.attr = async () => ci.DefaultProjectAttr;
    const files = await compileProject(ciInternals(), project);
    return { files, blocked: [...guard.blocked], log };
  } finally {
    restoreConsole();
    proxyVars.forEach((v, i) => {
      const saved = savedProxy[i];
      if (saved === undefined) delete process.env[v];
      else process.env[v] = saved;
    });
    guard.restore();
    rmSync(tmp, { recursive: true, force: true });
  }
}
