/**
 * `npm start`: the product on this machine, no account and no network. Starts the local CloudBase-compatible
 * server (database at /admin, data under DATA_DIR) with the report preview at `/`; runs until Ctrl-C.
 */
import { startServer } from './app';
import { installPreview, loadSeedReport } from './preview';

async function main(): Promise<void> {
  const report = loadSeedReport();
  const server = await startServer({ dataDir: process.env.DATA_DIR || undefined, routes: (r) => installPreview(r, report) });
  const u = server.url;
  console.log(`Gongkai 本地云已启动：${u}/`);
  console.log(`  年度报告预览：${u}/ （${report.organ} ${report.year} 年）  Markdown：${u}/report.md  数据：${u}/report.json`);
  console.log(`  数据库（@cloudbase/node-sdk 的 serviceUrl）：${u}/admin   数据目录：${server.dataDir}`);
  console.log('按 Ctrl-C 停止。');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
