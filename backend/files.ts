/**
 * Cloud storage as the functions see it: put a file they made (the report as .docx) and hand out a temporary link.
 * Production: the SDK's uploadFile and getTempFileURL in the function's own environment. The local server stores
 * in its files store (server/files) and links to `/files/<id>`. Injected per deployment like the subscribe sender.
 */
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';

export interface StoredFile {
  fileID: string;
  /** A link that serves the file for a while (production: `maxAge` seconds). */
  url: string;
}

export interface FileStore {
  put(cloudPath: string, data: Buffer, contentType: string): Promise<StoredFile>;
}

/** How long a temporary link works: long enough to download on a slow phone line, short enough not to be shared. */
export const TEMP_LINK_SECONDS = 3600;

/** Production: the function's own environment's storage. */
export function cloudFileStore(): FileStore {
  const app = init({ env: SYMBOL_CURRENT_ENV });
  return {
    async put(cloudPath, data) {
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: data });
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: TEMP_LINK_SECONDS }] });
      const url = fileList[0]?.tempFileURL;
      if (!url) throw new Error(`no temporary link for ${cloudPath}: ${fileList[0]?.code ?? 'no answer'}`);
      return { fileID, url };
    },
  };
}
