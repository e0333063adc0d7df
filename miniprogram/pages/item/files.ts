/**
 * Opening an attachment: images in wx.previewImage, documents via download (api/files.ts) + wx.openDocument. The
 * staff report builder opens its exported .docx the same way.
 */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function documentType(name: string): DocumentType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (DOCUMENT_TYPES as readonly string[]).includes(ext ?? '') ? (ext as DocumentType) : undefined;
}

/** Opens a downloaded document in the phone's viewer, with the menu to forward or save it; rejects in Chinese. */
export function openDocumentFile(filePath: string, name: string, failure: string): Promise<void> {
  const fileType = documentType(name);
  return new Promise<void>((resolve, reject) => {
    wx.openDocument({
      filePath,
      showMenu: true,
      ...(fileType ? { fileType } : {}),
      success: () => resolve(),
      fail: () => reject(new Error(failure)),
    });
  });
}
