/**
 * `npm start`: the product on this machine, no account and no network. Starts the local CloudBase-compatible
 * server (database at /admin, the cloud functions at /functions/<name>, published reports at /), seeds the demo
 * organ on an empty store, prints the URLs, the logins and a setup code, and runs until Ctrl-C.
 */
import { localEnv } from './env';
import { readFileSync } from 'node:fs';
import { INDEXES } from '../backend/indexes';
import type { FileStore } from '../backend/files';
import { createSetupCode } from '../backend/organ';
import { connectLocal, type Db } from '../backend/sdk';
import { sweepRequests } from '../backend/requests';
import { demoLogins, isEmpty, seedDemo } from '../backend/seed';
import { localSubscribeSender } from '../backend/subscribe';
import { auditKey as auditKeyOfChain, verifyChains } from '../backend/audit';
import { COLLECTIONS } from '../backend/collections';
import { DEFAULT_DATA_DIR, startServer } from './app';
import { describeReport, ensureAuditKey } from './audit-key';
import { runMain, stopOnSignals } from './process';
import { installFiles, localFileStore } from './files';
import { installFunctions } from './functions';
import { installPortal, portalNotFound, SEED_REPORT_FILE } from './portal';
import { loadOrgan } from './portal/data';

async function main(): Promise<void> {
  const auditKey = ensureAuditKey(localEnv.dataDir() ?? DEFAULT_DATA_DIR, true);
  let db: Db | null = null;
  const handle = (): Db => {
    if (!db) throw new Error('database not ready');
    return db;
  };
  let files: FileStore | null = null;
  let siteUrl = '';
  const server = await startServer({
    dataDir: localEnv.dataDir(),
    indexes: INDEXES,
    routes: (r) => {
      installFunctions(r, handle, () => files);
      installPortal(r, handle, () => siteUrl);
    },
    notFound: portalNotFound(handle),
  });
  installFiles(server.router, server.dataDir, handle, server.publicUrl);
  files = localFileStore(server.dataDir, server.publicUrl);
  siteUrl = server.publicUrl;
  db = connectLocal(server.url, server.adminKey);
  if (await isEmpty(db)) {
    console.log('首次启动：正在创建演示机关 扎毛乡人民政府…');
    await seedDemo(db, readFileSync(SEED_REPORT_FILE, 'utf8'), new Date());
  }
  const logins = await demoLogins(db, server.adminKey.secretKey);
  const organ = await loadOrgan(db);
  const code = await createSetupCode(db);
  const u = server.url;
  console.log(`Gongkai 本地云已启动：${u}/`);
  console.log(`  公开网站（${organ?.name ?? '机关'}：公开指南、公开目录、年度报告）：${u}/`);
  console.log(`  演示机关 ${organ?.name ?? ''} 的 organId：${organ?.id ?? '（无）'}`);
  console.log(
    `  云函数：POST ${u}/functions/<organ|items|stats|cases|reports|requests|county>，请求头 x-gongkai-login: <登录令牌>`,
  );
  console.log(`  文件上传：POST ${u}/files（multipart，同 wx.uploadFile），读取：GET ${u}/files/<id>`);
  console.log(
    `  数据库（仅限本机，供 @cloudbase/node-sdk 连接，不是网页）：tcb.init({ env: 'local', serviceUrl: '${u}/admin',`,
  );
  console.log(`      secretId: '${server.adminKey.secretId}', secretKey: '${server.adminKey.secretKey}' })`);
  console.log(`    （密钥在 ${server.dataDir}/admin-key.json，或由 ADMIN_SECRET_ID / ADMIN_SECRET_KEY 指定）`);
  console.log(`  数据目录：${server.dataDir}`);
  const chains = verifyChains(server.store.scan(COLLECTIONS.audit), auditKeyOfChain());
  console.log(
    `  审计密钥：${auditKey.from === 'env' ? '环境变量 AUDIT_HMAC_KEY' : `${auditKey.from}${auditKey.created ? '（新建）' : ''}`}`,
  );
  for (const line of describeReport(chains)) console.log(`  ${line}`);
  console.log('  演示登录令牌（小程序开发版或 x-gongkai-login 请求头使用）：');
  for (const [role, token] of Object.entries(logins)) console.log(`    ${role.padEnd(9)} ${token}`);
  console.log(`  新机关设置码（一次有效）：${code}`);
  console.log(
    '    供另一个机关的第一位管理员开通自己的机关（演示机关已开通，不需要它）：在小程序“我的 → 工作人员入口 → 开通新机关”',
  );
  console.log(
    `    输入此码并填写机关信息；或以未加入机关的登录令牌（如上面的 citizen）POST ${u}/functions/organ，事件 { action: "setup", payload: { code, organ, displayName } }。`,
  );
  console.log('按 Ctrl-C 停止。');
  startSweeps(db);
  stopOnSignals(server);
}

/**
 * The daily sweep of production's timer trigger, run at start and every hour here (a laptop sleeps through
 * midnight): lapsed 补正/fee deadlines closed, queued messages sent.
 */
function startSweeps(db: Db): void {
  const run = () =>
    sweepRequests(db, { subscribe: localSubscribeSender, log: (l) => console.error(l) }, new Date()).then(
      (s) => s.closed > 0 && console.log(`已自动终止 ${s.closed} 件逾期未补正或未缴费的申请`),
      (e: unknown) => console.error(`定时任务失败：${e instanceof Error ? e.message : String(e)}`),
    );
  void run();
  // run() reports its own failure (the .then above), so neither call leaves a rejection unhandled.
  const timer = setInterval(() => void run(), 60 * 60 * 1000);
  timer.unref(); // Ctrl-C stops the server; the timer does not keep the process alive
}

runMain(main);
