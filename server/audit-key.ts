/**
 * The audit chain's HMAC key for the local server (backend/audit.ts reads AUDIT_HMAC_KEY). Kept outside the data
 * directory on purpose: whoever can edit the database file should not also find the key beside it. When the
 * environment does not give one, `npm start` keeps it in a file of its own (AUDIT_KEY_FILE, default
 * ~/.config/gongkai/audit-hmac-key, mode 0600), created on first start. On CloudBase, set AUDIT_HMAC_KEY in each
 * function's environment variables.
 */
import { localEnv } from './env';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AUDIT_KEY_ENV, type ChainReport } from '../backend/audit';

export function auditKeyFile(env: NodeJS.ProcessEnv = localEnv.all()): string {
  return path.resolve(env.AUDIT_KEY_FILE || path.join(homedir(), '.config', 'gongkai', 'audit-hmac-key'));
}

export interface AuditKeySource {
  /** 'env' or the file it was read from (or created in). */
  from: string;
  created: boolean;
}

/**
 * Makes sure process.env.AUDIT_HMAC_KEY is set: from the environment, else the key file (created when `create`).
 * Refuses a key file inside `dataDir`.
 */
export function ensureAuditKey(
  dataDir: string,
  create: boolean,
  env: NodeJS.ProcessEnv = localEnv.all(),
): AuditKeySource {
  if (env[AUDIT_KEY_ENV]) return { from: 'env', created: false };
  const file = auditKeyFile(env);
  const relative = path.relative(path.resolve(dataDir), file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative))
    throw new Error(`AUDIT_KEY_FILE (${file}) 在数据目录之内：审计密钥须与数据分开保存`);
  let created = false;
  if (!existsSync(file)) {
    if (!create) throw new Error(`没有审计密钥：请设置 ${AUDIT_KEY_ENV}，或把密钥文件放在 ${file}`);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  }
  chmodSync(file, 0o600);
  env[AUDIT_KEY_ENV] = readFileSync(file, 'utf8').trim();
  return { from: file, created };
}

/** A verification report as `npm start` and `npm run audit-verify` print it. */
export function describeReport(report: ChainReport): string[] {
  const lines = [`审计日志 ${report.entries} 条，${Object.keys(report.heads).length} 条链`];
  for (const [chain, head] of Object.entries(report.heads))
    lines.push(`  链 ${chain}：第 ${head.seq} 条，链头 ${head.hash}`);
  lines.push(
    report.broken
      ? `断裂：链 ${report.broken.chain} 第 ${report.broken.seq} 条（${report.broken.id}）：${report.broken.reason}`
      : '完整：每条链都验证通过',
  );
  return lines;
}
