/**
 * `npm run -s setup-code`: a one-time setup code for the first admin of a new organ, written into a CloudBase
 * environment — what a deployment needs once, before anyone can use the 新机关开通 page (`npm start` prints one
 * for its local store by itself). The environment comes from the command line or the environment:
 *   npm run -s setup-code -- --env <环境ID>            (TCB_SECRET_ID / TCB_SECRET_KEY: a CAM key of the account)
 *   npm run -s setup-code -- --service-url <url>/admin   (a CloudBase-compatible server, e.g. the local one)
 * Only the code's SHA-256 is stored; the code is printed once. Exit 0 printed, 2 bad command line or no access.
 */
import { localEnv } from '../server/env';
import { init } from '@cloudbase/node-sdk';
import { createSetupCode } from '../backend/organ';

const USAGE = `用法：
  npm run -s setup-code -- --env <云开发环境ID>        （需设置 TCB_SECRET_ID 和 TCB_SECRET_KEY）
  npm run -s setup-code -- --service-url <地址>/admin  （本地或兼容的云开发服务）`;

export interface Target {
  env: string;
  serviceUrl?: string;
  secretId: string;
  secretKey: string;
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
      argv[i - 1] !== '--env' &&
      argv[i - 1] !== '--service-url',
  );
  if (unknown.length > 0) return `未知参数：${unknown.join(' ')}\n${USAGE}`;
  const serviceUrl = value('--service-url');
  if (serviceUrl !== undefined) {
    if (!/^https?:\/\//.test(serviceUrl)) return `--service-url 须为 http(s) 地址\n${USAGE}`;
    return {
      env: 'local',
      serviceUrl,
      secretId: environ.TCB_SECRET_ID ?? 'local',
      secretKey: environ.TCB_SECRET_KEY ?? 'local',
    };
  }
  const env = value('--env') ?? environ.TCB_ENV;
  if (!env) return USAGE;
  const secretId = environ.TCB_SECRET_ID;
  const secretKey = environ.TCB_SECRET_KEY;
  if (!secretId || !secretKey)
    return `连接环境 ${env} 需要设置 TCB_SECRET_ID 和 TCB_SECRET_KEY（腾讯云访问密钥）\n${USAGE}`;
  return { env, secretId, secretKey };
}

export async function issueSetupCode(target: Target): Promise<string> {
  const app = init({
    env: target.env,
    secretId: target.secretId,
    secretKey: target.secretKey,
    ...(target.serviceUrl ? { serviceUrl: target.serviceUrl } : {}),
  });
  return createSetupCode(app.database());
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
      `新机关设置码（一次有效，只显示这一次）：${code}\n在小程序 我的 → 工作人员入口 → 开通新机关 中输入。\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`无法写入环境 ${target.env}：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
