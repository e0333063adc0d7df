/**
 * Reading a JSON body or refusing it in the endpoint's own words (server/http/envelope readJsonOrRefuse): the
 * functions and the database endpoint answer an unreadable body each in their envelope, through one reader.
 */
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HttpError, readJsonOrRefuse, type BodyRefusal } from '../../../server/http/envelope';

/** A request whose body is `chunks` (or that breaks off with `error`). */
function requestOf(chunks: string[], error?: Error): IncomingMessage {
  const stream = new Readable({
    read() {
      for (const c of chunks) this.push(Buffer.from(c));
      if (error) this.destroy(error);
      else this.push(null);
    },
  });
  return Object.assign(stream, { headers: {} }) as unknown as IncomingMessage;
}

/** A response that keeps what was sent. */
function responseOf() {
  const sent: { status: number; body: unknown }[] = [];
  const res = {
    status: 0,
    writeHead(status: number) {
      res.status = status;
      return res;
    },
    end(text: string) {
      sent.push({ status: res.status, body: JSON.parse(text) as unknown });
    },
  };
  return { res: res as unknown as ServerResponse, sent };
}

const refusals: HttpError[] = [];
const refuse: BodyRefusal = (e) => {
  refusals.push(e);
  return [e.status === 413 ? 413 : 200, { code: e.code, message: e.message }];
};

beforeEach(() => {
  refusals.length = 0;
});

describe('readJsonOrRefuse', () => {
  it('gives the parsed body and sends nothing', async () => {
    const { res, sent } = responseOf();
    expect(await readJsonOrRefuse(requestOf(['{"action":', '"me"}']), res, 1024, refuse)).toEqual({
      body: { action: 'me' },
    });
    expect(sent).toEqual([]);
    expect(refusals).toEqual([]);
  });

  it('refuses a body that is not JSON with what the endpoint says, and gives null', async () => {
    const { res, sent } = responseOf();
    expect(await readJsonOrRefuse(requestOf(['{not json']), res, 1024, refuse)).toBeNull();
    expect(refusals.map((e) => [e.status, e.code])).toEqual([[400, 'INVALID_JSON']]);
    expect(sent).toEqual([{ status: 200, body: { code: 'INVALID_JSON', message: 'request body is not valid JSON' } }]);
  });

  it('refuses a body over the limit as a 413 naming it', async () => {
    const { res, sent } = responseOf();
    expect(await readJsonOrRefuse(requestOf(['x'.repeat(2048)]), res, 1024, refuse)).toBeNull();
    expect(sent).toEqual([
      { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'request body over the limit of 1024 bytes' } },
    ]);
  });

  it('refuses a request that broke off as unreadable', async () => {
    const { res, sent } = responseOf();
    expect(await readJsonOrRefuse(requestOf(['{"a"'], new Error('aborted')), res, 1024, refuse)).toBeNull();
    expect(refusals.map((e) => [e.status, e.code])).toEqual([[400, 'UNREADABLE']]);
    expect(sent).toEqual([{ status: 200, body: { code: 'UNREADABLE', message: 'cannot read request body' } }]);
  });
});
