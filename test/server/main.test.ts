/**
 * `npm start`'s entry: seeds the demo organ on an empty store, serves the published seed report, answers the
 * functions with the printed logins, keeps everything across a restart, and stops cleanly on Ctrl-C.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

async function start(
  dataDir: string,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // The audit key beside (not inside) the data directory, never in the developer's home.
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, AUDIT_KEY_FILE: `${dataDir}-audit-key`, AUDIT_HMAC_KEY: '' },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /本地云已启动：(http:\/\/127\.0\.0\.1:\d+)\/[\s\S]*按 Ctrl-C/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url, out: () => out };
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exit;
}

it('seeds the demo organ, serves its published report and functions, survives a restart, stops on SIGINT', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
  const first = await start(dataDir);
  const index = await (await fetch(`${first.url}/`)).text();
  const link = /href="(reports\/[^"]+)"/.exec(index)?.[1];
  expect(index).toContain('扎毛乡');
  expect(index).toContain('关于做好春耕备耕工作的通知');
  const html = await (await fetch(`${first.url}/${link ?? 'missing'}`)).text();
  expect(html).toContain('本年废止件数');
  expect(html).toContain('全年主动公开政府信息 264 条');
  const token = /editor\s+(dev-[0-9a-f]+)/.exec(first.out())?.[1] ?? '';
  expect(first.out()).toMatch(/新机关设置码（一次有效）：[2-9A-Z]{12}/);
  expect(first.out()).toContain('供另一个机关的第一位管理员开通自己的机关');
  expect(first.out()).toMatch(/演示机关 扎毛乡人民政府 的 organId：\S+/);
  const me = await (
    await fetch(`${first.url}/functions/organ`, {
      method: 'POST',
      headers: { 'x-gongkai-login': token, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'me' }),
    })
  ).json();
  expect(me).toMatchObject({ ok: true, data: { role: 'editor' } });
  const desk = (await (
    await fetch(`${first.url}/functions/requests`, {
      method: 'POST',
      headers: { 'x-gongkai-login': token, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'list', payload: {} }),
    })
  ).json()) as { ok: boolean; data: { list: unknown[] } };
  expect(desk.ok).toBe(true);
  expect(desk.data.list).toHaveLength(2);
  expect(await stop(first.child)).toBe(0);

  const second = await start(dataDir);
  expect(second.out()).not.toContain('首次启动');
  expect(second.out()).toContain(token);
  const again = await (await fetch(`${second.url}/`)).text();
  expect(again.match(/年政府信息公开工作年度报告<\/a>/g)).toHaveLength(1);
  expect(await stop(second.child)).toBe(0);
}, 600_000); // two starts of `npm start`: past 60 s at a load average of 21 (7 Dec 2026)
