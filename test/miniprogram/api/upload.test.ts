/** Uploading a photo through either transport: wx.cloud.uploadFile under the organ, or wx.uploadFile to /files. */
import { mockNetworkEdge } from '../harness';
import { cloudTransport, devTransport, setTransport, setUploader } from '../../../miniprogram/api/index';
import { NOT_READY_MESSAGE } from '../../../miniprogram/api/client';
import { upload as uploadPhoto } from '../../../miniprogram/api/client';
import { UNREADABLE_MESSAGE, UPLOAD_MESSAGE } from '../../../miniprogram/api/transport';

type Progress = (res: { progress: number }) => void;
interface Task {
  onProgressUpdate(cb: Progress): void;
}

const PHOTO = { filePath: 'wxfile://tmp/p.JPG', name: '照片1.JPG', organId: 'org-1' };

describe('cloud upload', () => {
  it('stores the photo under the organ and answers the fileID, reporting each percent once', async () => {
    mockNetworkEdge();
    let report: Progress = () => undefined;
    const uploadFile = jest.fn((o: { success: (r: { fileID: string }) => void }): Task => {
      setTimeout(() => {
        report({ progress: 30 });
        report({ progress: 30 });
        report({ progress: 100 });
        o.success({ fileID: 'cloud://env.bucket/items/org-1/x.jpg' });
      }, 0);
      return { onProgressUpdate: (cb) => void (report = cb) };
    });
    Object.assign(wx.cloud, { uploadFile });
    setTransport(cloudTransport());
    const seen: number[] = [];

    const result = await uploadPhoto({ ...PHOTO, onProgress: (p) => seen.push(p) });

    expect(result).toEqual({ ok: true, data: { fileId: 'cloud://env.bucket/items/org-1/x.jpg' } });
    expect(uploadFile.mock.calls[0]?.[0]).toMatchObject({
      filePath: PHOTO.filePath,
      cloudPath: expect.stringMatching(/^items\/org-1\/\d{6}\/[0-9a-z]+-[0-9a-z]+\.jpg$/) as unknown,
    });
    expect(seen).toEqual([30, 100]);
  });

  it('turns a failed upload into a Chinese failure', async () => {
    mockNetworkEdge();
    Object.assign(wx.cloud, { uploadFile: (o: { fail: () => void }) => o.fail() });
    setTransport(cloudTransport());
    await expect(uploadPhoto(PHOTO)).resolves.toEqual({ ok: false, code: 'INTERNAL', message: UPLOAD_MESSAGE });
  });
});

describe('dev upload', () => {
  function answer(statusCode: number, data: string): jest.Mock {
    const uploadFile = jest.fn((o: { success: (r: { statusCode: number; data: string }) => void }) =>
      o.success({ statusCode, data }),
    );
    Object.assign(wx, { uploadFile });
    return uploadFile;
  }

  it('sends the login and keeps the local server’s file id', async () => {
    const uploadFile = answer(
      200,
      JSON.stringify({ ok: true, data: { fileID: 'local://abc123', url: 'http://x/files/abc123', size: 77 } }),
    );
    setTransport(devTransport({ server: 'http://dev.test', login: () => 'tok' }));
    await expect(uploadPhoto(PHOTO)).resolves.toEqual({ ok: true, data: { fileId: 'abc123', size: 77 } });
    expect(uploadFile.mock.calls[0]?.[0]).toMatchObject({
      url: 'http://dev.test/files',
      name: 'file',
      filePath: PHOTO.filePath,
      header: { 'x-gongkai-login': 'tok' },
    });
  });

  it('keeps the server’s message, and reports an unreadable answer or a network failure', async () => {
    setTransport(devTransport({ server: 'http://dev.test', login: () => '' }));
    answer(401, JSON.stringify({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }));
    await expect(uploadPhoto(PHOTO)).resolves.toMatchObject({ ok: false, message: '请先登录' });
    answer(200, '<html>');
    await expect(uploadPhoto(PHOTO)).resolves.toMatchObject({ ok: false, message: UNREADABLE_MESSAGE });
    Object.assign(wx, {
      uploadFile: (o: { fail: (e: { errMsg: string }) => void }) => o.fail({ errMsg: 'uploadFile:fail' }),
    });
    await expect(uploadPhoto(PHOTO)).resolves.toMatchObject({ ok: false, message: UPLOAD_MESSAGE });
  });

  it('fails plainly when no transport can upload', async () => {
    setUploader(null);
    await expect(uploadPhoto(PHOTO)).resolves.toEqual({ ok: false, code: 'INTERNAL', message: NOT_READY_MESSAGE });
  });
});
