/**
 * Uploaded files (attachments, photos) in development, as wx.cloud.uploadFile and temporary file URLs do in
 * production: `POST /files` (multipart, as wx.uploadFile sends, or a raw body with `x-file-name`) stores the file
 * under DATA_DIR/files and answers `{ fileID, url }`; `GET /files/<id>` serves it. Uploading needs a login.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { openidForToken, LOGIN_HEADER } from '../../backend/dev-logins';
import type { Db } from '../../backend/sdk';
import { readBody, sendJson } from '../http/envelope';
import type { Router } from '../http/router';
import { firstFilePart } from './multipart';

const MAX_FILE = 10 * 1024 * 1024;
const SAFE_TYPES =
  /^(image\/(png|jpeg|gif|webp)|application\/pdf|application\/vnd\.openxmlformats-officedocument\.[\w.]+|application\/msword|text\/plain)$/;

export function installFiles(router: Router, dataDir: string, db: () => Db): void {
  const dir = path.join(dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  router.post('/files', async (req, res) => {
    const header = req.headers[LOGIN_HEADER];
    const openid = await openidForToken(db(), Array.isArray(header) ? header[0] : header);
    if (!openid) return sendJson(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    const body = await readBody(req, MAX_FILE + 64 * 1024);
    const type = req.headers['content-type'] ?? '';
    const part = type.startsWith('multipart/form-data')
      ? firstFilePart(body, type)
      : {
          filename: decodeURIComponent(String(req.headers['x-file-name'] ?? 'file')),
          contentType: type || 'application/octet-stream',
          data: body,
        };
    if (!part || part.data.length === 0)
      return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '没有收到文件' });
    if (part.data.length > MAX_FILE)
      return sendJson(res, 413, { ok: false, code: 'VALIDATION', message: '文件不能超过 10 MB' });
    if (!SAFE_TYPES.test(part.contentType))
      return sendJson(res, 415, { ok: false, code: 'VALIDATION', message: '只支持图片、PDF、Word 和文本文件' });
    const id = randomBytes(16).toString('hex');
    writeFileSync(path.join(dir, id), part.data);
    writeFileSync(
      path.join(dir, `${id}.json`),
      JSON.stringify({ name: part.filename, type: part.contentType, size: part.data.length, owner: openid }),
    );
    const host = req.headers.host ?? '127.0.0.1';
    sendJson(res, 200, {
      ok: true,
      data: { fileID: `local://${id}`, url: `http://${host}/files/${id}`, name: part.filename, size: part.data.length },
    });
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
