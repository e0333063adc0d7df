/**
 * Reading a stored file back, the way transport.ts stores it: a CloudBase file id (`cloud://…`) goes through
 * wx.cloud.downloadFile; the local server's ids are served at `{DEV_SERVER}/files/<id>`. Here, not in a page,
 * because only miniprogram/api talks to CloudBase.
 */
import { DEV_SERVER } from '../config/index';

export function fileUrl(fileId: string): string {
  if (fileId.startsWith('cloud://') || /^https?:\/\//.test(fileId)) return fileId;
  return `${DEV_SERVER}/files/${encodeURIComponent(fileId)}`;
}

/** Resolves to a local temp path, or rejects with a Chinese message. */
export function download(fileId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(new Error('附件下载失败，请检查网络后重试'));
    if (fileId.startsWith('cloud://')) {
      wx.cloud.downloadFile({ fileID: fileId, success: (res) => resolve(res.tempFilePath), fail });
      return;
    }
    wx.downloadFile({
      url: fileUrl(fileId),
      success: (res) => (res.statusCode >= 200 && res.statusCode < 300 ? resolve(res.tempFilePath) : fail()),
      fail,
    });
  });
}
