/**
 * `npm run -s setup-code`: a one-time setup code for the first admin of a new organ, written into a CloudBase
 * environment — what a deployment needs once, before anyone can use the 新机关开通 page (`npm start` prints one
 * for its local store by itself). The environment comes from the command line or the environment:
 *   npm run -s setup-code -- --env <环境ID>            (TCB_SECRET_ID / TCB_SECRET_KEY: a CAM key of the account)
 *   npm run -s setup-code -- --service-url <url>/admin   (a CloudBase-compatible server, e.g. the local one: its key
 *     from ADMIN_SECRET_ID / ADMIN_SECRET_KEY, else the admin-key.json of DATA_DIR, default .data/)
 * `--county`: the organ the code sets up is a county (its admin may invite the county role: the county view).
 * Only the code's SHA-256 is stored; the code is printed once. Exit 0 printed, 2 bad command line or no access.
 */
import { localEnv } from '../server/env';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { init } from '@cloudbase/node-sdk';
import { ADMIN_KEY_FILE } from '../server/auth/admin-key';
import { DEFAULT_DATA_DIR } from '../server/app';
import { createSetupCode } from '../backend/organ';

const USAGE = `用法：
  npm run -s setup-code -- --env <云开发环境ID>        （需设置 TCB_SECRET_ID 和 TCB_SECRET_KEY）
  npm run -s setup-code -- --service-url <地址>/admin  （本地服务：密钥取自 ADMIN_SECRET_ID/ADMIN_SECRET_KEY 或数据目录的 admin-key.json）
  加 --county：开通的是县级机关（可邀请县级审核员，查看下辖机关的年度报告）`;

export interface Target {
  env: string;
  serviceUrl?: string;
  secretId: string;
  secretKey: string;
  /** `--county`: the code sets up a county. */
  level?: 'county';
}

/** The local server's key: from the environment (TCB_ or ADMIN_ variables), else its data directory's key file. */
function localKey(environ: NodeJS.ProcessEnv): { secretId: string; secretKey: string } | null {
  const secretId = environ.TCB_SECRET_ID ?? environ.ADMIN_SECRET_ID;
  const secretKey = environ.TCB_SECRET_KEY ?? environ.ADMIN_SECRET_KEY;
  if (secretId && secretKey) return { secretId, secretKey };
  const file = path.join(environ.DATA_DIR || DEFAULT_DATA_DIR, ADMIN_KEY_FILE);
  if (!existsSync(file)) return null;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { secretId?: unknown; secretKey?: unknown };
  return typeof stored.secretId === 'string' && typeof stored.secretKey === 'string'
    ? { secretId: stored.secretId, secretKey: stored.secretKey }
    : null;
}

export function targetOf(argv: readonly string[], environ: NodeJS.ProcessEnv): Target | string {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const unknown = argv.filter(
    (a, i) =>
      a.startsWith('--') &&
      a !== '--env' &&
      a !== '--service-url' &&
      a !== '--county' &&
      argv[i - 1] !== '--env' &&
      argv[i - 1] !== '--service-url',
  );
  if (unknown.length > 0) return `未知参数：${unknown.join(' ')}\n${USAGE}`;
  const level = argv.includes('--county') ? { level: 'county' as const } : {};
  const serviceUrl = value('--service-url');
  if (serviceUrl !== undefined) {
    if (!/^https?:\/\//.test(serviceUrl)) return `--service-url 须为 http(s) 地址\n${USAGE}`;
    const key = localKey(environ);
    if (!key)
      return `连接 ${serviceUrl} 需要它的密钥：设置 ADMIN_SECRET_ID 和 ADMIN_SECRET_KEY（或 DATA_DIR 指向其数据目录）\n${USAGE}`;
    return { env: 'local', serviceUrl, ...key, ...level };
  }
  const env = value('--env') ?? environ.TCB_ENV;
  if (!env) return USAGE;
  const secretId = environ.TCB_SECRET_ID;
  const secretKey = environ.TCB_SECRET_KEY;
  if (!secretId || !secretKey)
    return `连接环境 ${env} 需要设置 TCB_SECRET_ID 和 TCB_SECRET_KEY（腾讯云访问密钥）\n${USAGE}`;
  return { env, secretId, secretKey, ...level };
}

export async function issueSetupCode(target: Target): Promise<string> {
  const app = init({
    env: target.env,
    secretId: target.secretId,
    secretKey: target.secretKey,
    ...(target.serviceUrl ? { serviceUrl: target.serviceUrl } : {}),
  });
  return createSetupCode(app.database(), undefined, undefined, undefined, target.level);
}

async function main(): Promise<number> {
  const target = targetOf(process.argv.slice(2), localEnv.all());
  if (typeof target === 'string') {
    process.stderr.write(`${target}\n`);
    return 2;
  }
  try {
    const code = await issueSetupCode(target);
    process.stdout.write(
      `${target.level === 'county' ? '县级机关' : '新机关'}设置码（一次有效，只显示这一次）：${code}\n在小程序 我的 → 工作人员入口 → 开通新机关 中输入。\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`无法写入环境 ${target.env}：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
