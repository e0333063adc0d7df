/**
 * The editor's photos as tiles: the uploaded ones (the item's image attachments, shown from where they are
 * served) and the ones still on the phone (the draft's `photos`, shown from their local path) with where their
 * upload stands. Pure: no wx, no page.
 */
import type { Attachment } from 'gongkai-staff';
import { fileUrl } from '../../../api/files';
import type { LocalPhoto } from '../../drafts';

export const MAX_PHOTOS = 9;

/** `waiting`: not tried yet in this session (a photo restored after the app was killed starts here). */
export type PhotoState = 'done' | 'waiting' | 'uploading' | 'failed';

export interface UploadStatus {
  state: Exclude<PhotoState, 'done'>;
  progress: number;
}

export interface PhotoView {
  /** The attachment's fileId, or the local path. */
  key: string;
  src: string;
  state: PhotoState;
  progress: number;
}

export function photoViews(
  attachments: readonly Attachment[],
  pending: readonly LocalPhoto[],
  status: Readonly<Record<string, UploadStatus>>,
): PhotoView[] {
  const uploaded = attachments
    .filter((a) => a.kind === 'image')
    .map((a): PhotoView => ({ key: a.fileId, src: fileUrl(a.fileId), state: 'done', progress: 100 }));
  const local = pending.map((p): PhotoView => ({
    key: p.path,
    src: p.path,
    state: status[p.path]?.state ?? 'waiting',
    progress: status[p.path]?.progress ?? 0,
  }));
  return [...uploaded, ...local];
}

/** Photos counted against the limit: the uploaded images and those still on the phone. */
export function photoCount(attachments: readonly Attachment[], pending: readonly LocalPhoto[]): number {
  return attachments.filter((a) => a.kind === 'image').length + pending.length;
}

/** `照片3.jpg`: what readers see in the 附件 list, numbered after the images already there. */
export function photoName(attachments: readonly Attachment[], path: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg';
  return `照片${attachments.filter((a) => a.kind === 'image').length + 1}.${ext}`;
}

/** The notice while photos are still on the phone. */
export function pendingNote(count: number): string {
  return `${count} 张照片尚未上传，已保存在本机；联网后点照片可重试`;
}
