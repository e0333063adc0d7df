/**
 * `npm run -s setup-code`: the command line, and a code written into a CloudBase-compatible store (the local
 * server, as a real environment would be reached with --env) that opens exactly one new organ.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { issueSetupCode, targetOf } from '../../cli/setup-code';
import { ORGAN, startBackend, type Backend } from '../backend/harness';

const ROOT = path.resolve(__dirname, '../..');

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

describe('setup-code: the command line', () => {
  it('takes an environment with its key, or a service URL; anything else prints the usage', () => {
    expect(targetOf(['--env', 'gongkai-prod-1a2b'], { TCB_SECRET_ID: 'AKID…', TCB_SECRET_KEY: 'k' })).toEqual({
      env: 'gongkai-prod-1a2b',
      secretId: 'AKID…',
      secretKey: 'k',
    });
    expect(targetOf([], { TCB_ENV: 'gongkai-prod-1a2b', TCB_SECRET_ID: 'a', TCB_SECRET_KEY: 'b' })).toMatchObject({
      env: 'gongkai-prod-1a2b',
    });
    expect(targetOf(['--env', 'gongkai-prod-1a2b'], {})).toEqual(
      expect.stringContaining('TCB_SECRET_ID 和 TCB_SECRET_KEY'),
    );
    const local = { ADMIN_SECRET_ID: 'AKIDlocal1', ADMIN_SECRET_KEY: 'k'.repeat(32) };
    expect(targetOf(['--service-url', 'http://127.0.0.1:8787/admin'], local)).toEqual({
      env: 'local',
      serviceUrl: 'http://127.0.0.1:8787/admin',
      secretId: 'AKIDlocal1',
      secretKey: 'k'.repeat(32),
    });
    expect(targetOf(['--service-url', 'http://127.0.0.1:8787/admin'], { DATA_DIR: '/nonexistent' })).toEqual(
      expect.stringContaining('ADMIN_SECRET_ID 和 ADMIN_SECRET_KEY'),
    );
    expect(targetOf(['--service-url', 'ftp://x'], {})).toEqual(expect.stringContaining('须为 http(s) 地址'));
    expect(targetOf([], {})).toEqual(expect.stringContaining('用法'));
    expect(targetOf(['--nope'], {})).toEqual(expect.stringContaining('未知参数：--nope'));
    // --county: the code sets up a county (the county view); without it, an ordinary organ.
    expect(targetOf(['--env', 'e', '--county'], { TCB_SECRET_ID: 'a', TCB_SECRET_KEY: 'b' })).toEqual({
      env: 'e',
      secretId: 'a',
      secretKey: 'b',
      level: 'county',
    });
  });
});

describe('setup-code: the code', () => {
  it('opens one organ through organ.setup, once', async () => {
    const code = await issueSetupCode({
      env: 'local',
      serviceUrl: `${b.local.server.url}/admin`,
      ...b.local.server.adminKey,
    });
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    const first = await b.call('oFirstAdmin', 'organ', 'setup', { code, organ: ORGAN, displayName: '管理员' });
    expect(first).toMatchObject({ ok: true, data: { role: 'admin' } });
    expect(await b.call('oSecondAdmin', 'organ', 'setup', { code, organ: ORGAN, displayName: '另一人' })).toMatchObject(
      { ok: false, code: 'VALIDATION' },
    );
  });

  it('the command prints a code that works and exits 0; a bad command line exits 2', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'cli/setup-code.ts', ...args], {
          cwd: ROOT,
          env: { ...process.env, DATA_DIR: b.local.dataDir }, // the key is read from the server's data directory
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', (code) => resolve({ code, out, err }));
      });
    const ok = await run(['--service-url', `${b.local.server.url}/admin`]);
    expect(ok.code).toBe(0);
    const code = /设置码（一次有效，只显示这一次）：([0-9A-Z]{12})/.exec(ok.out)?.[1] ?? '';
    expect(await b.call('oThirdAdmin', 'organ', 'setup', { code, organ: ORGAN, displayName: '管理员' })).toMatchObject({
      ok: true,
    });
    const bad = await run(['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('用法');
  }, 30_000);
});
