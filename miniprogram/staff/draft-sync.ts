/**
 * The item editor's offline sync engine: one draft kept on the phone, its photos uploaded one at a time, and the
 * draft synced to the server (create, then update with the version it is based on). Nothing here touches a page
 * or `wx`: the server, the phone's storage and its file system come in as ports (the item editor passes the
 * client's calls, ./drafts and its keep.ts), and what the page shows comes out as answers and listener calls, so the rules can be tested on their own
 * (test/miniprogram/staff/draft-sync.test.ts).
 *
 * The rules: every change is stored at once (nothing is lost when the app is killed or offline); photos go up
 * before the form, so what is saved carries every photo that could be uploaded; one upload run at a time; the
 * first create reuses the draft's idempotency key (stored as `createRequestId`), so a lost answer never makes two items; a stale version is a
 * CONFLICT and the local copy stays; a change typed while a save was on its way stays to be synced.
 */
import type { CallAnswer, CallPayload, Result, StaffItem } from 'gongkai-staff';
import { UPLOAD_MESSAGE, type UploadedFile, type UploadInput } from '../api/transport';
import type { LocalDraft, LocalPhoto } from './drafts';
import { checkForm, emptyForm, fieldErrorsOf, formOf, type DraftForm, type FieldErrors } from './pages/item-edit/form';
import { pendingNote, photoName, type UploadStatus } from './pages/item-edit/photos';

/** What the engine reads of a create's or an update's answer (`items.create`, `items.update`). */
type Written = Pick<CallAnswer<'items.update'>, 'id' | 'version'>;

/** What the engine needs from outside: the items function, the phone's storage and files. */
export interface SyncPorts {
  fetchMe(): Promise<Result<CallAnswer<'organ.me'>>>;
  fetchStaffItem(id: string): Promise<Result<StaffItem>>;
  createItem(payload: CallPayload<'items.create'>, idempotencyKey: string): Promise<Result<Written>>;
  updateItem(payload: CallPayload<'items.update'>): Promise<Result<Written>>;
  uploadPhoto(file: UploadInput): Promise<Result<UploadedFile>>;
  newIdempotencyKey(): string;
  loadDraft(id: string | null): LocalDraft | null;
  saveDraft(draft: LocalDraft): void;
  removeDraft(id: string | null): void;
  keepPhoto(tempPath: string): Promise<string>;
  dropPhoto(path: string): void;
}

/** What the page shows while photos move: a tile's progress, the tiles, a failed upload's notice. */
export interface SyncListener {
  upload(path: string, status: UploadStatus): void;
  photos(): void;
  /** The form changed by the engine itself (an uploaded photo became an attachment). */
  form(form: DraftForm, changed: (keyof DraftForm)[]): void;
  uploadFailed(message: string): void;
}

/** How opening a draft went. `notice`: the server could not be asked; the phone's copy is open instead. */
export type OpenAnswer =
  | { kind: 'ready'; restored: boolean; notice: string }
  | { kind: 'locked'; published: boolean }
  | { kind: 'error'; message: string };

/** How a sync went: `idle`, no draft open; `clean`, nothing to send; `pending` photos are still on the phone. */
export type SyncAnswer =
  | { kind: 'idle' }
  | { kind: 'clean' }
  | { kind: 'saved'; dirty: boolean; pending: number }
  | { kind: 'invalid'; errors: FieldErrors; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'rejected'; errors: FieldErrors; message: string }
  | { kind: 'failed'; message: string };

export class DraftSync {
  draft: LocalDraft | null = null;
  /** Where each local photo's upload stands in this session (not stored: a restored photo is `waiting`). */
  readonly uploads: Record<string, UploadStatus> = {};
  private uploading: Promise<void> | null = null;
  private organId = '';

  constructor(
    private readonly ports: SyncPorts,
    private readonly listener: SyncListener,
  ) {}

  newDraft(id: string | null): LocalDraft {
    return {
      id,
      version: null,
      form: emptyForm(),
      dirty: false,
      createRequestId: this.ports.newIdempotencyKey(),
      photos: [],
      savedAt: 0,
    };
  }

  /** The organ photos are stored under, when the caller is known already (else asked at the first upload). */
  setOrgan(organId: string): void {
    this.organId = organId;
  }

  /**
   * The draft for item `id` (null: a new one): the phone's copy when it has changes not on the server yet, else the
   * server's; the phone's copy alone when the server cannot be asked. An item past the draft stage is locked and
   * its copy on the phone dropped.
   */
  async open(id: string | null): Promise<OpenAnswer> {
    const local = this.ports.loadDraft(id);
    let notice = '';
    if (id === null) {
      this.draft = local ?? this.newDraft(null);
    } else {
      const server = await this.ports.fetchStaffItem(id);
      if (!server.ok) {
        if (local === null) return { kind: 'error', message: server.message };
        this.draft = local;
        notice = server.message;
      } else if (server.data.status !== 'draft') {
        this.ports.removeDraft(id);
        return { kind: 'locked', published: server.data.status === 'published' };
      } else if (local !== null && local.dirty) {
        this.draft = local;
      } else {
        this.draft = {
          ...(local ?? this.newDraft(id)),
          id,
          version: server.data.version,
          form: formOf(server.data),
          dirty: false,
        };
      }
    }
    return { kind: 'ready', restored: local !== null && local.dirty, notice };
  }

  /** Whether anything waits to go to the server: a change, or a photo still on the phone. */
  waiting(): boolean {
    return this.draft !== null && (this.draft.dirty || this.draft.photos.length > 0);
  }

  synced(): boolean {
    return this.draft !== null && this.draft.id !== null && !this.draft.dirty && this.draft.photos.length === 0;
  }

  /** A change to the form, stored on the phone at once. */
  change(patch: Partial<DraftForm>): DraftForm | null {
    const draft = this.draft;
    if (draft === null) return null;
    draft.form = { ...draft.form, ...patch };
    draft.dirty = true;
    this.persist();
    return draft.form;
  }

  private persist(): void {
    if (this.draft !== null) this.ports.saveDraft(this.draft);
  }

  private setUpload(path: string, status: UploadStatus): void {
    this.uploads[path] = status;
    this.listener.upload(path, status);
  }

  /** Photos chosen: kept on the phone first (out of the temp folder, in the draft), then uploaded. */
  async addPhotos(files: LocalPhoto[]): Promise<void> {
    const draft = this.draft;
    if (draft === null) return;
    const kept = await Promise.all(
      files.map(async (f) => ({ path: await this.ports.keepPhoto(f.path), size: f.size })),
    );
    draft.photos = [...draft.photos, ...kept];
    this.persist();
    this.listener.photos();
    void this.uploadPending();
  }

  /** A photo removed: a local one is dropped from the phone, an uploaded one from the attachments. */
  removePhoto(key: string): void {
    const draft = this.draft;
    if (draft === null) return;
    if (draft.photos.some((p) => p.path === key)) {
      draft.photos = draft.photos.filter((p) => p.path !== key);
      delete this.uploads[key];
      this.persist();
      this.ports.dropPhoto(key);
    } else {
      const form = this.change({ attachments: draft.form.attachments.filter((a) => a.fileId !== key) });
      if (form !== null) this.listener.form(form, ['attachments']);
    }
    this.listener.photos();
  }

  /** One upload run at a time; a caller arriving meanwhile (sync, a new photo) waits for the same run. */
  uploadPending(): Promise<void> {
    if (this.uploading === null) {
      this.uploading = this.uploadAll().then(() => {
        this.uploading = null;
      });
    }
    return this.uploading;
  }

  /** One at a time (weak signal), each photo tried once per run, photos added during the run included. */
  private async uploadAll(): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const next = this.draft?.photos.find((p) => !tried.has(p.path));
      if (next === undefined) return;
      tried.add(next.path);
      await this.uploadOne(next);
    }
  }

  private async uploadOne(photo: LocalPhoto): Promise<void> {
    const draft = this.draft;
    if (draft === null) return;
    this.setUpload(photo.path, { state: 'uploading', progress: 0 });
    const organId = await this.organ();
    const name = photoName(draft.form.attachments, photo.path);
    const result =
      organId === ''
        ? null
        : await this.ports.uploadPhoto({
            filePath: photo.path,
            name,
            organId,
            onProgress: (progress) => this.setUpload(photo.path, { state: 'uploading', progress }),
          });
    if (result === null || !result.ok) {
      this.setUpload(photo.path, { state: 'failed', progress: 0 });
      this.listener.uploadFailed(`${result?.message ?? UPLOAD_MESSAGE}。${pendingNote(draft.photos.length)}`);
      return;
    }
    delete this.uploads[photo.path];
    this.ports.dropPhoto(photo.path);
    // Removed while it was uploading: the person no longer wants it.
    if (!draft.photos.some((p) => p.path === photo.path)) return;
    draft.photos = draft.photos.filter((p) => p.path !== photo.path);
    const size = result.data.size ?? photo.size;
    // change() stores the draft: the attachment and the shorter list of local photos are kept together.
    const form = this.change({
      attachments: [...draft.form.attachments, { fileId: result.data.fileId, name, kind: 'image', size }],
    });
    if (form !== null) this.listener.form(form, ['attachments']);
    this.listener.photos();
  }

  /** The organ the photos are stored under; asked again when the page opened offline. */
  private async organ(): Promise<string> {
    if (this.organId === '') {
      const me = await this.ports.fetchMe();
      if (me.ok && me.data.organId !== null) this.organId = me.data.organId;
    }
    return this.organId;
  }

  /** Photos first, then the form: created once (same idempotency key on every try), then updated with its version. */
  async sync(): Promise<SyncAnswer> {
    const draft = this.draft;
    if (draft === null) return { kind: 'idle' };
    if (draft.photos.length > 0) await this.uploadPending();
    if (!draft.dirty && draft.id !== null) return { kind: 'clean' };
    const checked = checkForm(draft.form);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors, message: checked.message };
    const sentForm = draft.form;
    const result =
      draft.id === null || draft.version === null
        ? await this.ports.createItem({ content: checked.content }, draft.createRequestId)
        : await this.ports.updateItem({ id: draft.id, version: draft.version, content: checked.content });
    if (!result.ok) {
      if (result.code === 'CONFLICT') return { kind: 'conflict', message: result.message };
      if (result.code === 'VALIDATION' && result.fieldErrors !== undefined)
        return { kind: 'rejected', errors: fieldErrorsOf(result.fieldErrors), message: result.message };
      return { kind: 'failed', message: result.message };
    }
    const wasNew = draft.id === null;
    draft.id = result.data.id;
    draft.version = result.data.version;
    // A change typed while the answer was on its way stays dirty.
    draft.dirty = draft.form !== sentForm;
    if (wasNew) this.ports.removeDraft(null);
    this.persist();
    return { kind: 'saved', dirty: draft.dirty, pending: draft.photos.length };
  }

  /** After submitting: the phone's copy is no longer needed. */
  forget(id: string): void {
    this.ports.removeDraft(id);
  }
}
