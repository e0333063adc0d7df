/**
 * Opening an attachment: images in wx.previewImage, documents via download + wx.openDocument. A CloudBase file
 * id (`cloud://…`) goes through wx.cloud.downloadFile; the local server's ids are served at `{DEV_SERVER}/files/<id>`.
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

const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function documentType(name: string): DocumentType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (DOCUMENT_TYPES as readonly string[]).includes(ext ?? '') ? (ext as DocumentType) : undefined;
}
