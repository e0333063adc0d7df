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
import { call, callChecked, newIdempotencyKey, upload } from '../../../api/client';
import {
  createItemSchema,
  getItemSchema,
  submitItemSchema,
  updateItemSchema,
  type CallPayload,
  type Result,
  type StaffItem,
} from 'gongkai-staff';
import { DraftSync, type SyncAnswer } from '../../draft-sync';
import { loadDraft, removeDraft, saveDraft, type LocalPhoto } from '../../drafts';
import { CATEGORIES, VALIDITY_OPTIONS } from '../../labels';
import { HOME_ROUTE, MANAGE_ROUTE, checkStaff } from '../../session';
import { categoryIndex, emptyForm, validityIndex, type DraftForm, type FieldErrors, type FormField } from './form';
import { dropPhoto, keepPhoto } from './keep';
import { MAX_PHOTOS, pendingNote, photoCount, photoViews, type PhotoView } from './photos';
import { elderOnShow } from '../../../styles/elder';
import { loadPublicationLine, type PublicationLine } from './publication';

export type EditState = 'loading' | 'ready' | 'locked' | 'error';
export type NoticeKind = '' | 'local' | 'synced' | 'conflict' | 'offline' | 'error';

export interface EditData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
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
  /** 条例 第二十六条: working days from 成文日期 to publishing today, and the warning past 20. */
  publication: PublicationLine | null;
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: FormField }>;
type IndexEvent = WechatMiniprogram.CustomEvent<{ value: string | number }>;
type PhotoTap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>;

interface EditCustom {
  engine: DraftSync | null;
  onNetwork: WechatMiniprogram.OnNetworkStatusChangeCallback | null;
  submitKey: string;
  start(id: string | null): Promise<void>;
  change(patch: Partial<DraftForm>): void;
  showForm(form: DraftForm, changed: (keyof DraftForm)[]): void;
  showPhotos(): void;
  checkPublication(writtenDate: string): Promise<void>;
  sync(quiet: boolean): Promise<boolean>;
  onRetry(): void;
  onInput(e: FieldEvent): void;
  onCategory(e: IndexEvent): void;
  onDate(e: IndexEvent): void;
  onValidity(e: IndexEvent): void;
  onAddPhoto(): void;
  onRetryPhoto(e: PhotoTap): void;
  onRemovePhoto(e: PhotoTap): void;
  onManage(): void;
  onSave(): Promise<void>;
  onSubmit(): Promise<void>;
}

export const OFFLINE_NOTE = '草稿已保存在本机，联网后点“保存”即可同步';
export const CONFLICT_NOTE = '您的修改仍保存在本机，未丢失';
export const PHOTOS_BEFORE_SUBMIT = '照片全部上传后才能提交审核';

Page<EditData, EditCustom>({
  data: {
    elder: '',
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
    publication: null,
  },
  engine: null,
  onNetwork: null,
  submitKey: '',

  ...elderOnShow,

  onLoad(query: Record<string, string | undefined>) {
    this.submitKey = newIdempotencyKey();
    const ports = {
      fetchMe: () => call('organ.me', {}),
      fetchStaffItem: (id: string) => callChecked('items.get', getItemSchema, { id: id }) as Promise<Result<StaffItem>>,
      createItem: (payload: CallPayload<'items.create'>, key: string) =>
        callChecked('items.create', createItemSchema, payload, key),
      updateItem: (payload: CallPayload<'items.update'>) => callChecked('items.update', updateItemSchema, payload),
      uploadPhoto: upload,
      newIdempotencyKey: () => newIdempotencyKey(),
    };
    this.engine = new DraftSync(
      { ...ports, loadDraft, saveDraft, removeDraft, keepPhoto, dropPhoto },
      {
        // Progress ticks touch one tile only: small setData on a slow phone.
        upload: (path, status) => {
          const index = this.data.photos.findIndex((p) => p.key === path);
          if (index < 0) return;
          this.setData({ [`photos[${index}].state`]: status.state, [`photos[${index}].progress`]: status.progress });
        },
        photos: () => this.showPhotos(),
        form: (form, changed) => this.showForm(form, changed),
        uploadFailed: (message) => this.setData({ notice: message, noticeKind: 'offline' }),
      },
    );
    // Synced when online: a change or a photo kept offline goes up as soon as the phone is back on the network.
    this.onNetwork = (res) => {
      if (res.isConnected && this.engine?.waiting() === true && !this.data.busy) void this.sync(true);
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
    const engine = this.engine;
    if (engine === null) return;
    this.setData({ state: 'loading', message: '' });
    const who = await checkStaff();
    if (who.kind === 'citizen') return;
    if (who.kind === 'staff') engine.setOrgan(who.me.organId ?? '');
    const opened = await engine.open(id);
    if (opened.kind === 'error') {
      this.setData({ state: 'error', message: opened.message });
      return;
    }
    if (opened.kind === 'locked') {
      this.setData({
        state: 'locked',
        message: opened.published
          ? '该信息已发布，不能在这里修改；如需撤回或更正，请点下方按钮'
          : '该信息已提交审核或已撤回，不能在这里修改',
        manageId: opened.published && id !== null ? id : '',
      });
      return;
    }
    if (opened.notice !== '') this.setData({ notice: `${opened.notice}。已打开本机保存的草稿`, noticeKind: 'offline' });
    if (who.kind === 'error' && this.data.notice === '')
      this.setData({ notice: `${who.message}。${OFFLINE_NOTE}`, noticeKind: 'offline' });
    const draft = engine.draft;
    if (draft === null) return;
    this.setData({
      state: 'ready',
      form: draft.form,
      categoryIndex: categoryIndex(draft.form.category),
      validityIndex: validityIndex(draft.form.validity),
      photos: photoViews(draft.form.attachments, draft.photos, engine.uploads),
      synced: engine.synced(),

      ...(opened.restored && this.data.noticeKind === ''
        ? { notice: '已恢复本机保存的草稿（尚未同步）', noticeKind: 'local' as const }
        : {}),
    });
    void this.checkPublication(draft.form.writtenDate);
    // Synced when online: a restored change goes up by itself when it is valid, photos left on the phone are
    // uploaded; failures stay quiet.
    if (opened.restored || draft.photos.length > 0) void this.sync(true);
  },

  change(patch) {
    const form = this.engine?.change(patch) ?? null;
    if (form !== null) this.showForm(form, Object.keys(patch) as (keyof DraftForm)[]);
  },

  /** 条例 第二十六条's line under 成文日期; an answer for a date no longer chosen is dropped. */
  async checkPublication(writtenDate) {
    const line = await loadPublicationLine(writtenDate);
    if (this.data.form.writtenDate === writtenDate) this.setData({ publication: line });
  },

  /** The form after a change, and the errors of the fields changed cleared. */
  showForm(form, changed) {
    const cleared: Record<string, string> = {};
    for (const key of changed) if (this.data.errors[key] !== undefined) cleared[`errors.${key}`] = '';
    this.setData({ form, synced: false, ...cleared });
    if (changed.includes('writtenDate')) void this.checkPublication(form.writtenDate);
  },

  showPhotos() {
    const draft = this.engine?.draft ?? null;
    if (draft !== null)
      this.setData({ photos: photoViews(draft.form.attachments, draft.photos, this.engine?.uploads ?? {}) });
  },

  async sync(quiet) {
    const engine = this.engine;
    if (engine === null) return false;
    const answer: SyncAnswer = await engine.sync();
    switch (answer.kind) {
      case 'idle':
        return false;
      case 'clean':
        return true;
      case 'invalid':
        if (!quiet) this.setData({ errors: answer.errors, notice: answer.message, noticeKind: 'error' });
        return false;
      case 'conflict':
        this.setData({ notice: `${answer.message}。${CONFLICT_NOTE}`, noticeKind: 'conflict' });
        return false;
      case 'rejected':
        this.setData({ errors: answer.errors, notice: answer.message, noticeKind: 'error' });
        return false;
      case 'failed':
        if (!quiet || this.data.noticeKind === '')
          this.setData({ notice: `${answer.message}。${OFFLINE_NOTE}`, noticeKind: 'offline' });
        return false;
      case 'saved':
        this.setData({
          notice: answer.pending === 0 ? '已同步到服务器' : `已同步到服务器；${pendingNote(answer.pending)}`,
          noticeKind: answer.pending === 0 ? 'synced' : 'offline',
          synced: !answer.dirty && answer.pending === 0,
          errors: {},
        });
        return !answer.dirty;
    }
  },

  onRetry() {
    void this.start(this.engine?.draft?.id ?? null);
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
    const draft = this.engine?.draft ?? null;
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
      success: (res) => {
        const files: LocalPhoto[] = res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
        this.setData({ synced: false });
        void this.engine?.addPhotos(files);
      },
    });
  },

  onRetryPhoto() {
    if (!this.data.busy) void this.engine?.uploadPending();
  },

  onRemovePhoto(e) {
    this.engine?.removePhoto(e.currentTarget.dataset.key);
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
    const draft = this.engine?.draft ?? null;
    const id = draft?.id ?? null;
    if (!saved || id === null) {
      this.setData({ busy: false });
      return;
    }
    const left = draft?.photos.length ?? 0;
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
    this.engine?.forget(id);
    this.setData({ state: 'locked', message: '已提交审核，等待分管领导审核' });
    void wx.showToast({ title: '已提交审核', icon: 'success' });
    void wx.redirectTo({ url: HOME_ROUTE });
  },
});
