import { createDevLogin } from '../../backend/dev-logins';
import { installFiles } from '../../server/files';
import { startBackend, type Backend } from '../backend/harness';

let b: Backend;
let token: string;
beforeAll(async () => {
  b = await startBackend();
  installFiles(b.local.server.router, b.local.dataDir, () => b.db, b.local.server.publicUrl);
  token = await createDevLogin(b.db, 'oUploader');
});
afterAll(() => b.stop());

function multipart(name: string, type: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----gongkai' + 'x'.repeat(8);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

it('stores an upload as wx.uploadFile sends it and serves it back byte for byte', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0x0d, 0x0a, 4]);
  const { body, contentType } = multipart('现场照片.png', 'image/png', png);
  const res = await fetch(`${b.local.server.url}/files`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-gongkai-login': token },
    body,
  });
  const answer = (await res.json()) as { ok: boolean; data: { fileID: string; url: string; size: number } };
  expect(answer).toMatchObject({ ok: true, data: { size: png.length } });
  const got = await fetch(answer.data.url);
  expect(got.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await got.arrayBuffer())).toEqual(png);
});

it('refuses uploads without a login, of unsafe types, and unknown ids', async () => {
  const { body, contentType } = multipart('a.png', 'image/png', Buffer.from('x'));
  expect(
    (await fetch(`${b.local.server.url}/files`, { method: 'POST', headers: { 'content-type': contentType }, body }))
      .status,
  ).toBe(401);
  const html = multipart('a.html', 'text/html', Buffer.from('<script>'));
  expect(
    (
      await fetch(`${b.local.server.url}/files`, {
        method: 'POST',
        headers: { 'content-type': html.contentType, 'x-gongkai-login': token },
        body: html.body,
      })
    ).status,
  ).toBe(415);
  expect((await fetch(`${b.local.server.url}/files/${'0'.repeat(32)}`)).status).toBe(404);
  expect((await fetch(`${b.local.server.url}/files/..%2F..%2Fetc`)).status).toBe(404);
});
