/** `npm run -s export-site -- <dir>`: the static site from the store, the demo seeded into an empty one. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

it('writes the site into a directory relative to where it is typed, and refuses a bad command line', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'gongkai-export-'));
  const env = { ...process.env, DATA_DIR: path.join(cwd, 'data'), INIT_CWD: cwd };
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export-site.ts', ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
  const ok = run(['site']);
  expect(ok.stderr).toContain('先创建演示机关');
  expect(ok.stdout).toMatch(/已导出 扎毛乡人民政府 的公开网站：.*site（\d+ 个文件）/);
  expect(ok.status).toBe(0);
  for (const f of ['index.html', 'guide.html', 'catalogue.html', 'reports.html', 'catalogue.csv', 'catalogue.json'])
    expect(existsSync(path.join(cwd, 'site', f))).toBe(true);
  const bad = run([]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('用法');
}, 120_000);
