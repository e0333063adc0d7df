/**
 * Uploaded files (attachments, photos) in development, as wx.cloud.uploadFile and temporary file URLs do in
 * production: `POST /files` (multipart, as wx.uploadFile sends, or a raw body with `x-file-name`) stores the file
 * under DATA_DIR/files and answers `{ fileID, url }`; `GET /files/<id>` serves it. Uploading needs a login.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { openidForToken, LOGIN_HEADER } from '../../backend/dev-logins';
import type { FileStore, StoredFile } from '../../backend/files';
import type { Db } from '../../backend/sdk';
import { HttpError, readBody, sendJson } from '../http/envelope';
import type { Router } from '../http/router';
import { firstFilePart } from './multipart';

const MAX_FILE = 10 * 1024 * 1024;
const SAFE_TYPES =
  /^(image\/(png|jpeg|gif|webp)|application\/pdf|application\/vnd\.openxmlformats-officedocument\.[\w.]+|application\/msword|text\/plain)$/;

/** The name a raw upload gives in `x-file-name` (percent-encoded UTF-8); null when it is not decodable. */
function headerFileName(value: string | string[] | undefined): string | null {
  if (value === undefined) return 'file';
  if (Array.isArray(value)) return null;
  try {
    const name = decodeURIComponent(value).normalize('NFC');
    return name === '' || name.length > 255 || /[\u0000-\u001f\u007f/\\]/.test(name) ? null : name;
  } catch {
    return null; // a malformed %-escape or an unpaired surrogate
  }
}

function filesDir(dataDir: string): string {
  const dir = path.join(dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Stores one file with its name, type and owner beside it; answers its fileID and where it is served. */
function saveFile(dir: string, publicUrl: string, name: string, type: string, data: Buffer, owner: string): StoredFile {
  const id = randomBytes(16).toString('hex');
  writeFileSync(path.join(dir, id), data);
  writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ name, type, size: data.length, owner }));
  return { fileID: `local://${id}`, url: `${publicUrl}/files/${id}` };
}

/**
 * The functions' cloud storage in development (backend/files.ts): files they make land in the same store and are
 * served at `/files/<id>`; the link does not expire (the production one does, after TEMP_LINK_SECONDS).
 */
export function localFileStore(dataDir: string, publicUrl: string): FileStore {
  const dir = filesDir(dataDir);
  return {
    put: async (cloudPath, data, type) =>
      saveFile(dir, publicUrl, path.posix.basename(cloudPath), type, data, 'cloudfunction'),
  };
}

/** `publicUrl`: the base URL clients reach the server at — upload URLs never come from the request's Host. */
export function installFiles(router: Router, dataDir: string, db: () => Db, publicUrl: string): void {
  const dir = filesDir(dataDir);
  router.post('/files', async (req, res) => {
    const header = req.headers[LOGIN_HEADER];
    const openid = await openidForToken(db(), Array.isArray(header) ? header[0] : header);
    if (!openid) return sendJson(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    const type = req.headers['content-type'] ?? '';
    const multipart = type.startsWith('multipart/form-data');
    const filename = multipart ? 'file' : headerFileName(req.headers['x-file-name']);
    if (filename === null) {
      req.resume();
      return sendJson(res, 400, {
        ok: false,
        code: 'VALIDATION',
        message: 'x-file-name 请求头无效：须为 URL 编码的 UTF-8 文件名（不含控制字符和路径分隔符，最长 255 字）',
        fieldErrors: [{ path: 'x-file-name', message: 'x-file-name：文件名无效' }],
      });
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_FILE + 64 * 1024);
    } catch (e) {
      if (e instanceof HttpError && e.status === 413)
        return sendJson(res, 413, { ok: false, code: 'PAYLOAD_TOO_LARGE', message: '文件不能超过 10 MB' });
      throw e;
    }
    const part = multipart
      ? firstFilePart(body, type)
      : { filename, contentType: type || 'application/octet-stream', data: body };
    if (!part || part.data.length === 0)
      return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '没有收到文件' });
    if (part.data.length > MAX_FILE)
      return sendJson(res, 413, { ok: false, code: 'VALIDATION', message: '文件不能超过 10 MB' });
    if (!SAFE_TYPES.test(part.contentType))
      return sendJson(res, 415, { ok: false, code: 'VALIDATION', message: '只支持图片、PDF、Word 和文本文件' });
    const stored = saveFile(dir, publicUrl, part.filename, part.contentType, part.data, openid);
    sendJson(res, 200, { ok: true, data: { ...stored, name: part.filename, size: part.data.length } });
  });
  router.get('/files/:id', (_req, res, { params }) => {
    const id = params.id ?? '';
    const meta = path.join(dir, `${id}.json`);
    if (!/^[0-9a-f]{32}$/.test(id) || !existsSync(meta))
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' });
    const info = JSON.parse(readFileSync(meta, 'utf8')) as { name: string; type: string };
    const data = readFileSync(path.join(dir, id));
    res
      .writeHead(200, {
        'content-type': info.type,
        'content-length': data.length,
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(info.name)}`,
        'x-content-type-options': 'nosniff',
      })
      .end(data);
  });
}
