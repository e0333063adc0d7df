/** `npm start`'s entry: starts, serves the seed report at /, stops cleanly on Ctrl-C (SIGINT). */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

it('serves the rendered seed report and stops cleanly on SIGINT', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, TENCENTCLOUD: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /本地云已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const html = await (await fetch(`${url}/`)).text();
  expect(html).toContain('扎毛乡');
  expect(html).toContain('本年废止件数');
  expect(html).toContain('全年主动公开政府信息 264 条');
  const data = (await (await fetch(`${url}/report.json`)).json()) as { year: number; findings: { level: string }[] };
  expect(data.year).toBe(2023);
  expect(data.findings.filter((f) => f.level === 'error')).toEqual([]);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exit).toBe(0);
}, 30_000);
