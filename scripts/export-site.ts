/**
 * `npm run -s export-site -- <dir> [--base-url <https://…/>]`: writes the portal as static files into <dir>
 * (relative to where the command is typed), from the store `npm start` uses (DATA_DIR, default .data/); an empty
 * store gets the demo organ first, as `npm start` would.
 */
import '../server/env';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { connectLocal } from '../backend/sdk';
import { isEmpty, seedDemo } from '../backend/seed';
import { DEFAULT_DATA_DIR, startServer } from '../server/app';
import { ensureAuditKey } from '../server/audit-key';
import { SEED_REPORT_FILE } from '../server/portal';
import { exportSite } from '../server/portal/export';

const USAGE = '用法：npm run -s export-site -- <输出目录> [--base-url <网站地址>]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--base-url');
  const baseUrl = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && !baseUrl) return fail('--base-url 后缺少网站地址');
  const rest = args.filter((_a, j) => i < 0 || (j !== i && j !== i + 1));
  if (rest.length !== 1 || rest[0]?.startsWith('--')) return fail(USAGE);
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), rest[0] ?? '');
  // Seeding an empty store writes audit entries: their chain key, as npm start keeps it (outside the data).
  ensureAuditKey(process.env.DATA_DIR || DEFAULT_DATA_DIR, true);
  const server = await startServer({ port: 0, dataDir: process.env.DATA_DIR || undefined, log: () => undefined });
  try {
    const db = connectLocal(server.url, server.adminKey);
    if (await isEmpty(db)) {
      console.error('数据目录为空：先创建演示机关 扎毛乡人民政府…');
      await seedDemo(db, readFileSync(SEED_REPORT_FILE, 'utf8'), new Date());
    }
    const summary = await exportSite(db, out, {
      filesDir: path.join(server.dataDir, 'files'),
      ...(baseUrl ? { baseUrl } : {}),
    });
    console.log(`已导出 ${summary.organ} 的公开网站：${out}（${summary.files.length} 个文件）`);
    console.log('  首页 index.html；目录数据 catalogue.csv、catalogue.json（可导入县级门户网站的内容管理系统）');
    return 0;
  } finally {
    await server.close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
