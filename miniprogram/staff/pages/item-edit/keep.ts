/**
 * Photos waiting for upload are moved out of WeChat's temp folder, which may be emptied once the app is closed,
 * into the mini program's own user folder (wx.env.USER_DATA_PATH), and deleted there once uploaded or removed.
 * When the move fails (storage full) the temp path is kept: the photo still works until the app is closed.
 */
const PREFIX = 'gongkai-photo-';

function userFolder(): string {
  try {
    return wx.env.USER_DATA_PATH;
  } catch {
    return '';
  }
}

export function keepPhoto(tempPath: string): Promise<string> {
  const folder = userFolder();
  if (folder === '') return Promise.resolve(tempPath);
  const ext = /\.([a-z0-9]{1,5})$/i.exec(tempPath)?.[1]?.toLowerCase() ?? 'jpg';
  const filePath = `${folder}/${PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`;
  return new Promise((resolve) => {
    try {
      wx.getFileSystemManager().saveFile({
        tempFilePath: tempPath,
        filePath,
        success: (res) => resolve(res.savedFilePath || filePath),
        fail: () => resolve(tempPath),
      });
    } catch {
      resolve(tempPath);
    }
  });
}

/** Deletes a kept photo; temp paths are WeChat's to clean. */
export function dropPhoto(path: string): void {
  const folder = userFolder();
  if (folder === '' || !path.startsWith(`${folder}/${PREFIX}`)) return;
  try {
    wx.getFileSystemManager().unlink({ filePath: path, fail: () => undefined });
  } catch {
    // Already gone.
  }
}
