/**
 * Item editor (staff/pages/item-edit/index?id=): the metadata form, the body and photos. The draft lives on the
 * phone first: every change is written to storage at once and restored when the page opens again, so nothing is
 * lost when the app is killed or offline. A restored change, or one made offline, is synced by itself when the
 * page opens and when the network comes back (wx.onNetworkStatusChange); 保存 syncs it to the server (create, then update with the version it is
 * based on); a stale version is a CONFLICT, shown plainly while the local copy stays. 提交审核 saves, then submits.
 *
 * Photos (wx.chooseMedia) are uploaded one at a time as soon as they are chosen (cloud storage, or the local
 * server's /files in development) and become the item's image attachments. Until then they stay in the draft as
 * local paths, so a photo taken with no signal, or when the app is killed mid-upload, is not lost: a failed one
 * is retried by tapping it, and every sync uploads the ones still on the phone first. 提交审核 waits for all of
 * them. Opened on a published item, the page points to 撤回/更正 (item-manage).
 */
import { UPLOAD_MESSAGE } from '../../../api/transport';
import { loadDraft, removeDraft, saveDraft, type LocalDraft, type LocalPhoto } from '../../drafts';
import { CATEGORIES, VALIDITY_OPTIONS } from '../../labels';
import { HOME_ROUTE, MANAGE_ROUTE, checkStaff } from '../../session';
import {
  categoryIndex,
  checkForm,
  emptyForm,
  fieldErrorsOf,
  formOf,
  validityIndex,
  type DraftForm,
  type FieldErrors,
  type FormField,
} from './form';
import { dropPhoto, keepPhoto } from './keep';
import {
  MAX_PHOTOS,
  pendingNote,
  photoCount,
  photoName,
  photoViews,
  type PhotoView,
  type UploadStatus,
} from './photos';
import { call, callChecked, newIdempotencyKey, upload } from '../../../api/client';
import { createItemSchema, getItemSchema, submitItemSchema, updateItemSchema } from 'gongkai-core';
import type { Result, StaffItem } from 'gongkai-core';

export type EditState = 'loading' | 'ready' | 'locked' | 'error';
export type NoticeKind = '' | 'local' | 'synced' | 'conflict' | 'offline' | 'error';

export interface EditData {
  state: EditState;
  message: string;
  form: DraftForm;
  errors: FieldErrors;
  categoryLabels: string[];
  categoryIndex: number;
  validityLabels: string[];
  validityIndex: number;
  photos: PhotoView[];
  /** A published item's id: the locked page links to 撤回/更正. */
  manageId: string;
  notice: string;
  noticeKind: NoticeKind;
  busy: boolean;
  synced: boolean;
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: FormField }>;
type IndexEvent = WechatMiniprogram.CustomEvent<{ value: string | number }>;
type PhotoTap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>;

interface EditCustom {
  draft: LocalDraft | null;
  onNetwork: WechatMiniprogram.OnNetworkStatusChangeCallback | null;
  submitKey: string;
  organId: string;
  /** Where each local photo's upload stands in this session (not stored: a restored photo is `waiting`). */
  uploads: Record<string, UploadStatus>;
  uploading: Promise<void> | null;
  start(id: string | null): Promise<void>;
  change(patch: Partial<DraftForm>): void;
  persist(): void;
  showPhotos(): void;
  setUpload(path: string, status: UploadStatus): void;
  uploadPending(): Promise<void>;
  uploadAll(): Promise<void>;
  uploadOne(photo: LocalPhoto): Promise<void>;
  organ(): Promise<string>;
  sync(quiet: boolean): Promise<boolean>;
  onRetry(): void;
  onInput(e: FieldEvent): void;
  onCategory(e: IndexEvent): void;
  onDate(e: IndexEvent): void;
  onValidity(e: IndexEvent): void;
  onAddPhoto(): void;
  addPhotos(files: LocalPhoto[]): Promise<void>;
  onRetryPhoto(e: PhotoTap): void;
  onRemovePhoto(e: PhotoTap): void;
  onManage(): void;
  onSave(): Promise<void>;
  onSubmit(): Promise<void>;
}

export const OFFLINE_NOTE = '草稿已保存在本机，联网后点“保存”即可同步';
export const CONFLICT_NOTE = '您的修改仍保存在本机，未丢失';
export const PHOTOS_BEFORE_SUBMIT = '照片全部上传后才能提交审核';

function newDraft(id: string | null): LocalDraft {
  return {
    id,
    version: null,
    form: emptyForm(),
    dirty: false,
    createRequestId: newIdempotencyKey(),
    photos: [],
    savedAt: 0,
  };
}

Page<EditData, EditCustom>({
  data: {
    state: 'loading',
    message: '',
    form: emptyForm(),
    errors: {},
    categoryLabels: CATEGORIES.map((c) => c.label),
    categoryIndex: -1,
    validityLabels: VALIDITY_OPTIONS.map((v) => v.label),
    validityIndex: 0,
    photos: [],
    manageId: '',
    notice: '',
    noticeKind: '',
    busy: false,
    synced: false,
  },
  draft: null,
  onNetwork: null,
  submitKey: '',
  organId: '',
  uploads: {},
  uploading: null,

  onLoad(query: Record<string, string | undefined>) {
    this.submitKey = newIdempotencyKey();
    this.uploads = {};
    this.uploading = null;
    // Synced when online: a change or a photo kept offline goes up as soon as the phone is back on the network.
    this.onNetwork = (res) => {
      const waiting = this.draft !== null && (this.draft.dirty || this.draft.photos.length > 0);
      if (res.isConnected && waiting && !this.data.busy) void this.sync(true);
    };
    if (typeof wx.onNetworkStatusChange === 'function') wx.onNetworkStatusChange(this.onNetwork);
    const id = query.id !== undefined && query.id !== '' ? decodeURIComponent(query.id) : null;
    void this.start(id);
  },

  onUnload() {
    if (this.onNetwork !== null && typeof wx.offNetworkStatusChange === 'function')
      wx.offNetworkStatusChange(this.onNetwork as unknown as WechatMiniprogram.OffNetworkStatusChangeCallback);
    this.onNetwork = null;
  },

  async start(id) {
    this.setData({ state: 'loading', message: '' });
    const who = await checkStaff();
    if (who.kind === 'citizen') return;
    if (who.kind === 'staff') this.organId = who.me.organId ?? '';
    const local = loadDraft(id);
    if (id === null) {
      this.draft = local ?? newDraft(null);
    } else {
      const server = await (callChecked('items.get', getItemSchema, { id: id }) as Promise<Result<StaffItem>>);
      if (!server.ok) {
        if (local === null) {
          this.setData({ state: 'error', message: server.message });
          return;
        }
        this.draft = local;
        this.setData({ notice: `${server.message}。已打开本机保存的草稿`, noticeKind: 'offline' });
      } else if (server.data.status !== 'draft') {
        removeDraft(id);
        const published = server.data.status === 'published';
        this.setData({
          state: 'locked',
          message: published
            ? '该信息已发布，不能在这里修改；如需撤回或更正，请点下方按钮'
            : '该信息已提交审核或已撤回，不能在这里修改',
          manageId: published ? id : '',
        });
        return;
      } else if (local !== null && local.dirty) {
        this.draft = local;
      } else {
        this.draft = {
          ...(local ?? newDraft(id)),
          id,
          version: server.data.version,
          form: formOf(server.data),
          dirty: false,
        };
      }
    }
    if (who.kind === 'error' && this.data.notice === '')
      this.setData({ notice: `${who.message}。${OFFLINE_NOTE}`, noticeKind: 'offline' });
    const draft = this.draft;
    const restored = local !== null && local.dirty;
    this.setData({
      state: 'ready',
      form: draft.form,
      categoryIndex: categoryIndex(draft.form.category),
      validityIndex: validityIndex(draft.form.validity),
      photos: photoViews(draft.form.attachments, draft.photos, this.uploads),
      synced: draft.id !== null && !draft.dirty && draft.photos.length === 0,
      ...(restored && this.data.noticeKind === ''
        ? { notice: '已恢复本机保存的草稿（尚未同步）', noticeKind: 'local' as const }
        : {}),
    });
    // Synced when online: a restored change goes up by itself when it is valid, photos left on the phone are
    // uploaded; failures stay quiet.
    if (restored || draft.photos.length > 0) void this.sync(true);
  },

  change(patch) {
    const draft = this.draft;
    if (draft === null) return;
    draft.form = { ...draft.form, ...patch };
    draft.dirty = true;
    this.persist();
    const cleared: Record<string, string> = {};
    for (const key of Object.keys(patch))
      if (this.data.errors[key as keyof DraftForm] !== undefined) cleared[`errors.${key}`] = '';
    this.setData({ form: draft.form, synced: false, ...cleared });
  },

  persist() {
    if (this.draft !== null) saveDraft(this.draft);
  },

  showPhotos() {
    const draft = this.draft;
    if (draft !== null) this.setData({ photos: photoViews(draft.form.attachments, draft.photos, this.uploads) });
  },

  /** Progress ticks touch one tile only: small setData on a slow phone. */
  setUpload(path, status) {
    this.uploads[path] = status;
    const index = this.data.photos.findIndex((p) => p.key === path);
    if (index < 0) return;
    this.setData({ [`photos[${index}].state`]: status.state, [`photos[${index}].progress`]: status.progress });
  },

  /** One upload run at a time; a caller arriving meanwhile (sync, a new photo) waits for the same run. */
  uploadPending() {
    if (this.uploading === null) {
      this.uploading = this.uploadAll().then(() => {
        this.uploading = null;
      });
    }
    return this.uploading;
  },

  /** One at a time (weak signal), each photo tried once per run, photos added during the run included. */
  async uploadAll() {
    const tried = new Set<string>();
    for (;;) {
      const next = this.draft?.photos.find((p) => !tried.has(p.path));
      if (next === undefined) return;
      tried.add(next.path);
      await this.uploadOne(next);
    }
  },

  async uploadOne(photo) {
    const draft = this.draft;
    if (draft === null) return;
    this.setUpload(photo.path, { state: 'uploading', progress: 0 });
    const organId = await this.organ();
    const name = photoName(draft.form.attachments, photo.path);
    const result =
      organId === ''
        ? null
        : await upload({
            filePath: photo.path,
            name,
            organId,
            onProgress: (progress) => this.setUpload(photo.path, { state: 'uploading', progress }),
          });
    if (result === null || !result.ok) {
      this.setUpload(photo.path, { state: 'failed', progress: 0 });
      this.setData({
        notice: `${result?.message ?? UPLOAD_MESSAGE}。${pendingNote(draft.photos.length)}`,
        noticeKind: 'offline',
      });
      return;
    }
    delete this.uploads[photo.path];
    dropPhoto(photo.path);
    // Removed while it was uploading: the person no longer wants it.
    if (!draft.photos.some((p) => p.path === photo.path)) return;
    draft.photos = draft.photos.filter((p) => p.path !== photo.path);
    const size = result.data.size ?? photo.size;
    // change() stores the draft: the ref and the shorter list of local photos are kept together.
    this.change({
      attachments: [...draft.form.attachments, { fileId: result.data.fileId, name, kind: 'image', size }],
    });
    this.showPhotos();
  },

  /** The organ the photos are stored under; asked again when the page opened offline. */
  async organ() {
    if (this.organId === '') {
      const me = await call('organ.me', {});
      if (me.ok && me.data.organId !== null) this.organId = me.data.organId;
    }
    return this.organId;
  },

  async sync(quiet) {
    const draft = this.draft;
    if (draft === null) return false;
    // Photos first: what is saved carries every photo that could be uploaded.
    if (draft.photos.length > 0) await this.uploadPending();
    if (!draft.dirty && draft.id !== null) return true;
    const checked = checkForm(draft.form);
    if (!checked.ok) {
      if (!quiet) this.setData({ errors: checked.errors, notice: checked.message, noticeKind: 'error' });
      return false;
    }
    const sentForm = draft.form;
    const result =
      draft.id === null || draft.version === null
        ? await callChecked('items.create', createItemSchema, { content: checked.content }, draft.createRequestId)
        : await callChecked('items.update', updateItemSchema, {
            id: draft.id,
            version: draft.version,
            content: checked.content,
          });
    if (!result.ok) {
      if (result.code === 'CONFLICT') {
        this.setData({ notice: `${result.message}。${CONFLICT_NOTE}`, noticeKind: 'conflict' });
      } else if (result.code === 'VALIDATION' && result.fieldErrors !== undefined) {
        this.setData({ errors: fieldErrorsOf(result.fieldErrors), notice: result.message, noticeKind: 'error' });
      } else if (!quiet || this.data.noticeKind === '') {
        this.setData({ notice: `${result.message}。${OFFLINE_NOTE}`, noticeKind: 'offline' });
      }
      return false;
    }
    const wasNew = draft.id === null;
    draft.id = result.data.id;
    draft.version = result.data.version;
    // A change typed while the answer was on its way stays dirty.
    draft.dirty = draft.form !== sentForm;
    if (wasNew) removeDraft(null);
    this.persist();
    const left = draft.photos.length;
    this.setData({
      notice: left === 0 ? '已同步到服务器' : `已同步到服务器；${pendingNote(left)}`,
      noticeKind: left === 0 ? 'synced' : 'offline',
      synced: !draft.dirty && left === 0,
      errors: {},
    });
    return !draft.dirty;
  },

  onRetry() {
    void this.start(this.draft?.id ?? null);
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    this.change({ [field]: e.detail.value });
  },

  onCategory(e) {
    const option = CATEGORIES[Number(e.detail.value)];
    if (option === undefined) return;
    this.change({ category: option.value });
    this.setData({ categoryIndex: Number(e.detail.value) });
  },

  onDate(e) {
    this.change({ writtenDate: String(e.detail.value) });
  },

  onValidity(e) {
    const option = VALIDITY_OPTIONS[Number(e.detail.value)];
    if (option === undefined) return;
    this.change({ validity: option.value });
    this.setData({ validityIndex: Number(e.detail.value) });
  },

  onAddPhoto() {
    const draft = this.draft;
    if (draft === null) return;
    const room = MAX_PHOTOS - photoCount(draft.form.attachments, draft.photos);
    if (room <= 0) {
      void wx.showToast({ title: `最多 ${MAX_PHOTOS} 张照片`, icon: 'none' });
      return;
    }
    wx.chooseMedia({
      count: room,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => void this.addPhotos(res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }))),
    });
  },

  /** Kept on the phone first (out of the temp folder, in the draft): a photo is never lost, even if its upload never finishes. */
  async addPhotos(files) {
    const draft = this.draft;
    if (draft === null) return;
    const kept = await Promise.all(files.map(async (f) => ({ path: await keepPhoto(f.path), size: f.size })));
    draft.photos = [...draft.photos, ...kept];
    this.persist();
    this.setData({ synced: false });
    this.showPhotos();
    void this.uploadPending();
  },

  onRetryPhoto() {
    if (!this.data.busy) void this.uploadPending();
  },

  onRemovePhoto(e) {
    const draft = this.draft;
    if (draft === null) return;
    const key = e.currentTarget.dataset.key;
    if (draft.photos.some((p) => p.path === key)) {
      draft.photos = draft.photos.filter((p) => p.path !== key);
      delete this.uploads[key];
      this.persist();
      dropPhoto(key);
    } else {
      this.change({ attachments: draft.form.attachments.filter((a) => a.fileId !== key) });
    }
    this.showPhotos();
  },

  onManage() {
    void wx.navigateTo({ url: `${MANAGE_ROUTE}?id=${encodeURIComponent(this.data.manageId)}` });
  },

  async onSave() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    await this.sync(false);
    this.setData({ busy: false });
  },

  async onSubmit() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    const saved = await this.sync(false);
    const id = this.draft?.id ?? null;
    if (!saved || id === null) {
      this.setData({ busy: false });
      return;
    }
    const left = this.draft?.photos.length ?? 0;
    if (left > 0) {
      this.setData({ busy: false, notice: `${PHOTOS_BEFORE_SUBMIT}：${pendingNote(left)}`, noticeKind: 'error' });
      return;
    }
    const result = await callChecked('items.submit', submitItemSchema, { id: id }, this.submitKey);
    this.setData({ busy: false });
    if (!result.ok) {
      this.setData({ notice: result.message, noticeKind: 'error' });
      return;
    }
    removeDraft(id);
    this.setData({ state: 'locked', message: '已提交审核，等待分管领导审核' });
    void wx.showToast({ title: '已提交审核', icon: 'success' });
    void wx.redirectTo({ url: HOME_ROUTE });
  },
});
