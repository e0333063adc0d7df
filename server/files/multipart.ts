/** The first file part of a multipart/form-data body, as wx.uploadFile sends it (one file, field name `file`). */
export interface FilePart {
  filename: string;
  contentType: string;
  data: Buffer;
}

export function firstFilePart(body: Buffer, contentType: string): FilePart | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) return null;
  const delimiter = Buffer.from(`--${mark}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headerStart = start + delimiter.length + 2; // past CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) return null;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) return null;
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      return { filename, contentType: type.trim(), data: body.subarray(headerEnd + 4, next - 2) };
    }
    start = next;
  }
  return null;
}
