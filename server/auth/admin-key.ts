/**
 * The credential of the database endpoint (/admin): a secretId/secretKey pair, as a CloudBase CAM key, that the
 * SDK signs every request with (TC3-HMAC-SHA256, see tc3.ts). ADMIN_SECRET_ID and ADMIN_SECRET_KEY in the
 * environment win; otherwise the pair is generated on first start into `<dataDir>/admin-key.json`, readable only by
 * its owner (mode 0600), and `npm start` prints it for `tcb.init`.
 */
import { localEnv } from '../env';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AdminKey {
  secretId: string;
  secretKey: string;
}

export const ADMIN_KEY_FILE = 'admin-key.json';

function isKey(value: unknown): value is AdminKey {
  if (typeof value !== 'object' || value === null) return false;
  const { secretId, secretKey } = value as Record<string, unknown>;
  return typeof secretId === 'string' && secretId !== '' && typeof secretKey === 'string' && secretKey.length >= 16;
}

/** The pair from the environment when both variables are set (ADMIN_SECRET_KEY of at least 16 characters). */
export function adminKeyFromEnv(env: NodeJS.ProcessEnv = localEnv.all()): AdminKey | null {
  const secretId = env.ADMIN_SECRET_ID;
  const secretKey = env.ADMIN_SECRET_KEY;
  if (!secretId && !secretKey) return null;
  const key = { secretId: secretId ?? '', secretKey: secretKey ?? '' };
  if (!isKey(key)) throw new Error('ADMIN_SECRET_ID 和 ADMIN_SECRET_KEY 须同时设置，ADMIN_SECRET_KEY 至少 16 个字符');
  return key;
}

/** The environment's pair, else the data directory's (created, mode 0600, when missing). */
export function loadAdminKey(dataDir: string, env: NodeJS.ProcessEnv = localEnv.all()): AdminKey {
  const fromEnv = adminKeyFromEnv(env);
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, ADMIN_KEY_FILE);
  if (existsSync(file)) {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isKey(stored)) throw new Error(`${file} 不是有效的密钥文件：删除它，下次启动会重新生成`);
    chmodSync(file, 0o600); // a copy restored with looser permissions is tightened again
    return stored;
  }
  const key = {
    secretId: `AKIDlocal${randomBytes(8).toString('hex')}`,
    secretKey: randomBytes(24).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600); // whatever the umask
  return key;
}
