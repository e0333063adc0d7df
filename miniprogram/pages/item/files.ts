/** Opening an attachment: images in wx.previewImage, documents via download (api/files.ts) + wx.openDocument. */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function documentType(name: string): DocumentType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (DOCUMENT_TYPES as readonly string[]).includes(ext ?? '') ? (ext as DocumentType) : undefined;
}
