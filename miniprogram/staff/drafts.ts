/**
 * Drafts kept on the phone: every change to the editor is written to storage at once, so nothing is lost when the
 * app is killed or the network is gone; the server copy is updated when a sync succeeds. One key per item
 * (`new` for one not created on the server yet).
 */
import type { DraftForm } from './pages/item-edit/form';

export interface LocalPhoto {
  path: string;
  size: number;
}

export interface LocalDraft {
  /** Server id once created; null before. */
  id: string | null;
  /** The server version this draft is based on (update needs it; a stale one is a CONFLICT). */
  version: number | null;
  form: DraftForm;
  /** Changes not on the server yet. */
  dirty: boolean;
  /** Reused on every try of the first create, so a lost answer never makes two items. */
  createRequestId: string;
  /** Photos chosen but not uploaded yet (local paths); once uploaded they move to `form.attachments`. */
  photos: LocalPhoto[];
  savedAt: number;
}

export const DRAFT_PREFIX = 'gongkai.staff.draft.';

export function draftKey(id: string | null): string {
  return `${DRAFT_PREFIX}${id ?? 'new'}`;
}

function isDraft(value: unknown): value is LocalDraft {
  return typeof value === 'object' && value !== null && 'form' in value && 'dirty' in value;
}

export function loadDraft(id: string | null): LocalDraft | null {
  try {
    const stored: unknown = wx.getStorageSync(draftKey(id));
    return isDraft(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: LocalDraft): void {
  try {
    wx.setStorageSync(draftKey(draft.id), { ...draft, savedAt: Date.now() });
  } catch {
    // Storage full: the page still shows the form; the next change tries again.
  }
}

export function removeDraft(id: string | null): void {
  try {
    wx.removeStorageSync(draftKey(id));
  } catch {
    // Nothing to remove.
  }
}
