/** The typed client and its two transports, against wx.cloud.callFunction and wx.request mocks. */
import { mockNetworkEdge } from '../harness';
import { call, cloudTransport, devTransport, newIdempotencyKey, setTransport } from '../../../miniprogram/api/index';
import { NOT_READY_MESSAGE } from '../../../miniprogram/api/client';
import { NETWORK_MESSAGE, UNREADABLE_MESSAGE } from '../../../miniprogram/api/transport';
import { publishedReport, summaries } from '../fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: { errMsg: string }) => void };

describe('call before the app chose a transport', () => {
  it('fails with a message instead of throwing', async () => {
    await jest.isolateModulesAsync(async () => {
      const client = await import('../../../miniprogram/api/client');
      await expect(client.call('reports.listPublished', {})).resolves.toEqual({
        ok: false,
        code: 'INTERNAL',
        message: NOT_READY_MESSAGE,
      });
    });
  });
});

describe('cloud transport', () => {
  it('sends the envelope as the data of wx.cloud.callFunction and returns its result', async () => {
    const edge = mockNetworkEdge();
    edge.callFunction.mockImplementation((options: Callbacks) =>
      options.success?.({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: publishedReport() } }),
    );
    setTransport(cloudTransport());

    const result = await call('reports.getPublished', { id: 'report-zhamao-2023' });

    expect(edge.callFunction).toHaveBeenCalledTimes(1);
    expect(edge.callFunction.mock.calls[0]?.[0]).toMatchObject({
      name: 'reports',
      data: { action: 'getPublished', payload: { id: 'report-zhamao-2023' } },
    });
    expect(result).toEqual({ ok: true, data: publishedReport() });
    expect(edge.request).not.toHaveBeenCalled();
  });

  it('passes the idempotency key through, and turns a failed call or an odd answer into a Failure', async () => {
    const edge = mockNetworkEdge();
    setTransport(cloudTransport());
    edge.callFunction.mockImplementationOnce((options: Callbacks) =>
      options.success?.({ result: { ok: false, code: 'NOT_FOUND', message: '未找到' } }),
    );
    await expect(call('reports.getPublished', { id: 'x' }, 'req-12345678')).resolves.toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '未找到',
    });
    expect(edge.callFunction.mock.calls[0]?.[0]).toMatchObject({
      data: { action: 'getPublished', payload: { id: 'x' }, idempotencyKey: 'req-12345678' },
    });

    edge.callFunction.mockImplementationOnce((options: Callbacks) =>
      options.fail?.({ errMsg: 'cloud.callFunction:fail' }),
    );
    await expect(call('reports.listPublished', {})).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: NETWORK_MESSAGE,
    });

    edge.callFunction.mockImplementationOnce((options: Callbacks) => options.success?.({ result: 'oops' }));
    await expect(call('reports.listPublished', {})).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: UNREADABLE_MESSAGE,
    });
  });
});

describe('dev transport', () => {
  const server = 'http://127.0.0.1:8787';

  it('POSTs the envelope to the local server with the login header', async () => {
    const edge = mockNetworkEdge();
    edge.request.mockImplementation((options: Callbacks) =>
      options.success?.({ statusCode: 200, data: { ok: true, data: summaries() } }),
    );
    setTransport(devTransport({ server, login: () => 'dev-citizen' }));

    const result = await call('reports.listPublished', { organId: 'zhamao' });

    expect(edge.request).toHaveBeenCalledTimes(1);
    expect(edge.request.mock.calls[0]?.[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/functions/reports',
      method: 'POST',
      data: { action: 'listPublished', payload: { organId: 'zhamao' } },
      header: { 'x-gongkai-login': 'dev-citizen' },
    });
    expect(result).toEqual({ ok: true, data: summaries() });
    expect(edge.callFunction).not.toHaveBeenCalled();
  });

  it('keeps the envelope of an HTTP error, and reports a bare HTTP error or a network failure in Chinese', async () => {
    const edge = mockNetworkEdge();
    setTransport(devTransport({ server, login: () => 'dev-citizen' }));
    edge.request.mockImplementationOnce((options: Callbacks) =>
      options.success?.({ statusCode: 403, data: { ok: false, code: 'FORBIDDEN', message: '无权访问' } }),
    );
    await expect(call('reports.listPublished', {})).resolves.toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '无权访问',
    });

    edge.request.mockImplementationOnce((options: Callbacks) =>
      options.success?.({ statusCode: 502, data: 'Bad Gateway' }),
    );
    await expect(call('reports.listPublished', {})).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '服务暂时不可用（HTTP 502），请稍后重试',
    });

    edge.request.mockImplementationOnce((options: Callbacks) => options.fail?.({ errMsg: 'request:fail' }));
    await expect(call('reports.listPublished', {})).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: NETWORK_MESSAGE,
    });
  });
});

describe('call', () => {
  it('sends `fn.action` as the function and its action, the payload untouched (the function checks it)', async () => {
    const edge = mockNetworkEdge();
    edge.request.mockImplementation((options: Callbacks) =>
      options.success?.({
        statusCode: 200,
        data: { ok: false, code: 'VALIDATION', message: '输入有误：编号不能为空', fieldErrors: [] },
      }),
    );
    setTransport(devTransport({ server: 'http://127.0.0.1:8787', login: () => 'dev-citizen' }));
    const result = await call('requests.view', { id: '' });
    expect(edge.request.mock.calls[0]?.[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/functions/requests',
      data: { action: 'view', payload: { id: '' } },
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('makes idempotency keys the envelope takes (8–64 characters), a new one each time', () => {
    const a = newIdempotencyKey(1_700_000_000_000, () => 0.5);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
