/**
 * Item editor (staff/pages/item-edit/index?id=): the metadata form, the body and photos. The draft lives on the
 * phone first: every change is written to storage at once and restored when the page opens again, so nothing is
 * lost when the app is killed or offline. A restored change, or one made offline, is synced by itself when the
 * page opens and when the network comes back (wx.onNetworkStatusChange); 保存 syncs it to the server (create, then update with the version it is
 * based on); a stale version is a CONFLICT, shown plainly while the local copy stays. 提交审核 saves, then submits.
 *
 * Photos: with CloudBase they are uploaded (wx.cloud.uploadFile) and become attachments. The local server has no
 * upload route yet, so in development they stay on the phone beside the draft and are not sent.
 */
import { createItem, fetchStaffItem, newRequestId, submitItem, updateItem } from '../../../api/staff';
import type { GongkaiApp } from '../../../app';
import { loadDraft, removeDraft, saveDraft, type LocalDraft, type LocalPhoto } from '../../drafts';
import { CATEGORIES, VALIDITY_OPTIONS } from '../../labels';
import { HOME_ROUTE, checkStaff } from '../../session';
import { categoryIndex, checkForm, emptyForm, fieldErrorsOf, formOf, validityIndex, type DraftForm, type FieldErrors, type FormField } from './form';

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
  photos: LocalPhoto[];
  notice: string;
  noticeKind: NoticeKind;
  busy: boolean;
  synced: boolean;
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: FormField }>;
type IndexEvent = WechatMiniprogram.CustomEvent<{ value: string | number }>;

interface EditCustom {
  draft: LocalDraft | null;
  onNetwork: WechatMiniprogram.OnNetworkStatusChangeCallback | null;
  submitRequestId: string;
  start(id: string | null): Promise<void>;
  change(patch: Partial<DraftForm>): void;
  persist(): void;
  sync(quiet: boolean): Promise<boolean>;
  onRetry(): void;
  onInput(e: FieldEvent): void;
  onCategory(e: IndexEvent): void;
  onDate(e: IndexEvent): void;
  onValidity(e: IndexEvent): void;
  onAddPhoto(): void;
  onRemovePhoto(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>): void;
  onSave(): Promise<void>;
  onSubmit(): Promise<void>;
}

const MAX_PHOTOS = 9;
export const OFFLINE_NOTE = '草稿已保存在本机，联网后点“保存”即可同步';
export const CONFLICT_NOTE = '您的修改仍保存在本机，未丢失';
export const LOCAL_PHOTO_NOTE = '开发环境暂不能上传照片：照片仅保存在本机，不随草稿提交';

function newDraft(id: string | null): LocalDraft {
  return { id, version: null, form: emptyForm(), dirty: false, createRequestId: newRequestId(), photos: [], savedAt: 0 };
}

function usesCloud(): boolean {
  try {
    return getApp<GongkaiApp>()?.globalData?.transport === 'cloud';
  } catch {
    return false;
  }
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
    notice: '',
    noticeKind: '',
    busy: false,
    synced: false,
  },
  draft: null,
  onNetwork: null,
  submitRequestId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.submitRequestId = newRequestId();
    // Synced when online: a change made offline goes up as soon as the phone is back on the network.
    this.onNetwork = (res) => {
      if (res.isConnected && this.draft?.dirty === true && !this.data.busy) void this.sync(true);
    };
    if (typeof wx.onNetworkStatusChange === 'function') wx.onNetworkStatusChange(this.onNetwork);
    const id = query.id !== undefined && query.id !== '' ? decodeURIComponent(query.id) : null;
    void this.start(id);
  },

  onUnload() {
    if (this.onNetwork !== null && typeof wx.offNetworkStatusChange === 'function') wx.offNetworkStatusChange(this.onNetwork as unknown as WechatMiniprogram.OffNetworkStatusChangeCallback);
    this.onNetwork = null;
  },

  async start(id) {
    this.setData({ state: 'loading', message: '' });
    const who = await checkStaff();
    if (who.kind === 'citizen') return;
    const local = loadDraft(id);
    if (id === null) {
      this.draft = local ?? newDraft(null);
    } else {
      const server = await fetchStaffItem(id);
      if (!server.ok) {
        if (local === null) {
          this.setData({ state: 'error', message: server.message });
          return;
        }
        this.draft = local;
        this.setData({ notice: `${server.message}。已打开本机保存的草稿`, noticeKind: 'offline' });
      } else if (server.data.status !== 'draft') {
        removeDraft(id);
        this.setData({ state: 'locked', message: '该信息已提交审核或已发布，不能在这里修改' });
        return;
      } else if (local !== null && local.dirty) {
        this.draft = local;
      } else {
        this.draft = { ...(local ?? newDraft(id)), id, version: server.data.version, form: formOf(server.data), dirty: false };
      }
    }
    if (who.kind === 'error' && this.data.notice === '') this.setData({ notice: `${who.message}。${OFFLINE_NOTE}`, noticeKind: 'offline' });
    const draft = this.draft;
    const restored = local !== null && local.dirty;
    this.setData({
      state: 'ready',
      form: draft.form,
      categoryIndex: categoryIndex(draft.form.category),
      validityIndex: validityIndex(draft.form.validity),
      photos: draft.photos,
      synced: draft.id !== null && !draft.dirty,
      ...(restored && this.data.noticeKind === '' ? { notice: '已恢复本机保存的草稿（尚未同步）', noticeKind: 'local' as const } : {}),
    });
    // Synced when online: a restored change goes up by itself when it is valid; failures stay quiet.
    if (restored) void this.sync(true);
  },

  change(patch) {
    const draft = this.draft;
    if (draft === null) return;
    draft.form = { ...draft.form, ...patch };
    draft.dirty = true;
    this.persist();
    const cleared: Record<string, string> = {};
    for (const key of Object.keys(patch)) if (this.data.errors[key as keyof DraftForm] !== undefined) cleared[`errors.${key}`] = '';
    this.setData({ form: draft.form, synced: false, ...cleared });
  },

  persist() {
    if (this.draft !== null) saveDraft(this.draft);
  },

  async sync(quiet) {
    const draft = this.draft;
    if (draft === null) return false;
    if (!draft.dirty && draft.id !== null) return true;
    const checked = checkForm(draft.form);
    if (!checked.ok) {
      if (!quiet) this.setData({ errors: checked.errors, notice: checked.message, noticeKind: 'error' });
      return false;
    }
    const sentForm = draft.form;
    const result =
      draft.id === null || draft.version === null
        ? await createItem({ content: checked.content }, draft.createRequestId)
        : await updateItem({ id: draft.id, version: draft.version, content: checked.content });
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
    this.setData({ notice: '已同步到服务器', noticeKind: 'synced', synced: !draft.dirty, errors: {} });
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
    const room = MAX_PHOTOS - draft.photos.length - draft.form.attachments.length;
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
        const files = res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
        if (!usesCloud()) {
          draft.photos = [...draft.photos, ...files];
          this.persist();
          this.setData({ photos: draft.photos, notice: LOCAL_PHOTO_NOTE, noticeKind: 'local' });
          return;
        }
        for (const file of files) {
          const name = `照片${Date.now().toString(36)}.jpg`;
          wx.cloud.uploadFile({
            cloudPath: `items/${name}`,
            filePath: file.path,
            success: (up) => this.change({ attachments: [...(this.draft?.form.attachments ?? []), { fileId: up.fileID, name, kind: 'image', size: file.size }] }),
            fail: () => void wx.showToast({ title: '照片上传失败，请重试', icon: 'none' }),
          });
        }
      },
    });
  },

  onRemovePhoto(e) {
    const draft = this.draft;
    if (draft === null) return;
    draft.photos = draft.photos.filter((_, i) => i !== Number(e.currentTarget.dataset.index));
    this.persist();
    this.setData({ photos: draft.photos });
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
    const result = await submitItem(id, this.submitRequestId);
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
