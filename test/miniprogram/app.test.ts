/** app.ts chooses the transport once, at launch: the local server for 开发版, CloudBase otherwise. */
import { mockNetworkEdge } from './harness';
import { call } from '../../miniprogram/api/index';
import type { GongkaiApp } from '../../miniprogram/app';
import { transportFor } from '../../miniprogram/config/index';

require('../../miniprogram/app');
const app = getApp<GongkaiApp>();

describe('app', () => {
  it('talks to the local server in 开发版, signed out unless a login token is stored', async () => {
    const edge = mockNetworkEdge();
    expect(app.setupTransport('develop').transport).toBe('dev');
    await call('reports.listPublished', {});
    const first = edge.request.mock.calls[0]?.[0] as { url: string; header: Record<string, string> };
    expect(first.url).toBe('http://127.0.0.1:8787/functions/reports');
    expect(first.header).not.toHaveProperty('x-gongkai-login');
    expect(edge.cloudInit).not.toHaveBeenCalled();

    const storage = jest
      .spyOn(wx, 'getStorageSync')
      .mockImplementation((key: string) => (key === 'gongkai.devLogin' ? 'dev-0123456789abcdef' : ''));
    await call('reports.listPublished', {});
    expect(edge.request.mock.calls[1]?.[0]).toMatchObject({ header: { 'x-gongkai-login': 'dev-0123456789abcdef' } });
    storage.mockRestore();
  });

  it('initialises CloudBase and calls functions there in 体验版 and 正式版', async () => {
    for (const version of ['trial', 'release'] as const) {
      const edge = mockNetworkEdge();
      expect(app.setupTransport(version).transport).toBe('cloud');
      expect(edge.cloudInit).toHaveBeenCalledWith({ traceUser: true });
      await call('reports.listPublished', {});
      expect(edge.callFunction.mock.calls[0]?.[0]).toMatchObject({ name: 'reports' });
      expect(edge.request).not.toHaveBeenCalled();
    }
    expect(app.globalData.transport).toBe('cloud');
  });

  it('runs the choice on launch, and a forced transport wins over the version', () => {
    mockNetworkEdge();
    app.onLaunch?.call(app, {} as WechatMiniprogram.App.LaunchShowOption);
    expect(app.globalData.transport).not.toBeNull();
    expect(transportFor('release', 'dev')).toBe('dev');
    expect(transportFor('develop', 'cloud')).toBe('cloud');
  });
});
