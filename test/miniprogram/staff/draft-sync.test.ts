/**
 * The item editor's offline sync engine on its own, behind fake ports (no page, no wx): what is opened, stored,
 * uploaded and sent, in which order, and what survives a failure. The page's own test (item-edit.test.ts) shows
 * the same rules through the screen.
 */
import type { Result } from 'gongkai-staff';
import { DraftSync, type SyncListener, type SyncPorts } from '../../../miniprogram/staff/draft-sync';
import type { LocalDraft } from '../../../miniprogram/staff/drafts';
import { emptyForm, type DraftForm } from '../../../miniprogram/staff/pages/item-edit/form';
import { CATEGORIES } from '../../../miniprogram/staff/labels';
import type { UploadStatus } from '../../../miniprogram/staff/pages/item-edit/photos';
import type { UploadInput } from '../../../miniprogram/api/transport';

const OFFLINE = { ok: false, code: 'INTERNAL', message: '网络连接失败' } as const;

function validForm(): DraftForm {
  return {
    ...emptyForm(),
    title: '关于春耕的通知',
    publisher: '扎毛乡人民政府',
    writtenDate: '2026-03-01',
    category: CATEGORIES[0]?.value ?? '',
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Stored as JSON, as the phone's storage does: nothing shared by reference between writes and reads. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const flush = () => new Promise((r) => setTimeout(r, 0));

/** Ports that record what reaches them; the server answers from overridable functions. */
function fakes(overrides: Partial<SyncPorts> = {}) {
  const stored = new Map<string, LocalDraft>();
  const sent: { action: string; payload: unknown; idempotencyKey?: string }[] = [];
  const uploads: UploadInput[] = [];
  const dropped: string[] = [];
  let ids = 0;
  const ports: SyncPorts = {
    fetchMe: async () => ({
      ok: true,
      data: { signedIn: true, role: 'editor', roleLabel: '发起人', organId: 'o1', displayName: '张三', staffId: 's1' },
    }),
    fetchStaffItem: async () => OFFLINE,
    createItem: async (payload, idempotencyKey) => {
      sent.push({ action: 'create', payload, idempotencyKey });
      return { ok: true, data: { id: 'item-1', version: 1 } };
    },
    updateItem: async (payload) => {
      sent.push({ action: 'update', payload });
      return { ok: true, data: { id: 'item-1', version: 2 } };
    },
    uploadPhoto: async (file) => {
      uploads.push(file);
      return { ok: true, data: { fileId: `f-${uploads.length}`, size: 10 } };
    },
    newIdempotencyKey: () => `req-${++ids}`,
    loadDraft: (id) => copy(stored.get(id ?? 'new') ?? null),
    saveDraft: (draft) => void stored.set(draft.id ?? 'new', copy(draft)),
    removeDraft: (id) => void stored.delete(id ?? 'new'),
    keepPhoto: async (path) => `kept/${path}`,
    dropPhoto: (path) => void dropped.push(path),
    ...overrides,
  };
  const seen: { uploads: [string, UploadStatus][]; failures: string[]; forms: DraftForm[]; photos: number } = {
    uploads: [],
    failures: [],
    forms: [],
    photos: 0,
  };
  const listener: SyncListener = {
    upload: (path, status) => void seen.uploads.push([path, { ...status }]),
    photos: () => void (seen.photos += 1),
    form: (form) => void seen.forms.push(form),
    uploadFailed: (message) => void seen.failures.push(message),
  };
  return { ports, listener, stored, sent, uploads, dropped, seen };
}

describe('DraftSync: opening', () => {
  it('starts a new draft with its own idempotency key, and restores one left with changes on the phone', async () => {
    const f = fakes();
    const engine = new DraftSync(f.ports, f.listener);
    await expect(engine.open(null)).resolves.toEqual({ kind: 'ready', restored: false, notice: '' });
    expect(engine.draft).toMatchObject({ id: null, version: null, dirty: false, createRequestId: 'req-1' });

    engine.change({ title: '通知' });
    const again = new DraftSync(f.ports, f.listener);
    await expect(again.open(null)).resolves.toEqual({ kind: 'ready', restored: true, notice: '' });
    expect(again.draft?.form.title).toBe('通知');
    expect(again.draft?.createRequestId).toBe('req-1');
  });

  it('takes the server copy of a draft unless the phone has changes; the phone copy alone when offline', async () => {
    const server = { ...validForm(), status: 'draft', version: 4 };
    const f = fakes({ fetchStaffItem: async () => ({ ok: true, data: server }) as unknown as Result<never> });
    const engine = new DraftSync(f.ports, f.listener);
    await expect(engine.open('item-1')).resolves.toMatchObject({ kind: 'ready', restored: false });
    expect(engine.draft).toMatchObject({ id: 'item-1', version: 4, dirty: false, form: { title: '关于春耕的通知' } });

    engine.change({ title: '改过的标题' });
    const again = new DraftSync(f.ports, f.listener);
    await again.open('item-1');
    expect(again.draft).toMatchObject({ version: 4, dirty: true, form: { title: '改过的标题' } });

    const offline = new DraftSync({ ...f.ports, fetchStaffItem: async () => OFFLINE }, f.listener);
    await expect(offline.open('item-1')).resolves.toEqual({ kind: 'ready', restored: true, notice: '网络连接失败' });
    expect(offline.draft?.form.title).toBe('改过的标题');

    const nothing = new DraftSync({ ...f.ports, fetchStaffItem: async () => OFFLINE }, f.listener);
    await expect(nothing.open('item-2')).resolves.toEqual({ kind: 'error', message: '网络连接失败' });
  });

  it('locks an item past the draft stage and drops its copy on the phone', async () => {
    const f = fakes({
      fetchStaffItem: async () => ({ ok: true, data: { status: 'published' } }) as unknown as Result<never>,
    });
    f.stored.set('item-1', { ...new DraftSync(f.ports, f.listener).newDraft('item-1'), dirty: true });
    await expect(new DraftSync(f.ports, f.listener).open('item-1')).resolves.toEqual({
      kind: 'locked',
      published: true,
    });
    expect(f.stored.has('item-1')).toBe(false);
  });
});

describe('DraftSync: syncing the form', () => {
  it('stores every change at once, and sends nothing while the form is invalid', async () => {
    const f = fakes();
    const engine = new DraftSync(f.ports, f.listener);
    await engine.open(null);
    engine.change({ title: '通知' });
    expect(f.stored.get('new')).toMatchObject({ dirty: true, form: { title: '通知' } });
    const answer = await engine.sync();
    expect(answer).toMatchObject({ kind: 'invalid', message: expect.stringContaining('发布机构') });
    expect(f.sent).toEqual([]);
  });

  it('creates once with the same idempotency key on every try, then updates with the version it is based on', async () => {
    let online = false;
    const f = fakes();
    const create = f.ports.createItem;
    const engine = new DraftSync(
      {
        ...f.ports,
        createItem: async (p, r) =>
          online ? create(p, r) : (f.sent.push({ action: 'lost', payload: p, idempotencyKey: r }), OFFLINE),
      },
      f.listener,
    );
    await engine.open(null);
    engine.change(validForm());
    await expect(engine.sync()).resolves.toEqual({ kind: 'failed', message: '网络连接失败' });
    expect(f.stored.get('new')).toMatchObject({ dirty: true, id: null });
    online = true;
    await expect(engine.sync()).resolves.toEqual({ kind: 'saved', dirty: false, pending: 0 });
    expect(f.sent.map((s) => [s.action, s.idempotencyKey])).toEqual([
      ['lost', 'req-1'],
      ['create', 'req-1'],
    ]);
    // The phone's copy moved from `new` to the item's id.
    expect([...f.stored.keys()]).toEqual(['item-1']);
    await expect(engine.sync()).resolves.toEqual({ kind: 'clean' });

    engine.change({ body: '正文' });
    await expect(engine.sync()).resolves.toEqual({ kind: 'saved', dirty: false, pending: 0 });
    expect(f.sent.at(-1)).toMatchObject({ action: 'update', payload: { id: 'item-1', version: 1 } });
    expect(engine.draft?.version).toBe(2);
    expect(engine.synced()).toBe(true);
  });

  it('keeps the local copy on a CONFLICT, and maps the function’s field errors', async () => {
    const f = fakes({
      updateItem: async () => ({ ok: false, code: 'CONFLICT', message: '已被他人修改' }),
    });
    const engine = new DraftSync(f.ports, f.listener);
    await engine.open(null);
    engine.change(validForm());
    await engine.sync();
    engine.change({ title: '新标题' });
    await expect(engine.sync()).resolves.toEqual({ kind: 'conflict', message: '已被他人修改' });
    expect(f.stored.get('item-1')).toMatchObject({ dirty: true, version: 1, form: { title: '新标题' } });

    const rejecting = new DraftSync(
      {
        ...f.ports,
        loadDraft: () => null,
        createItem: async () => ({
          ok: false,
          code: 'VALIDATION',
          message: '请检查：名称',
          fieldErrors: [{ path: 'content.title', message: '名称过长' }],
        }),
      },
      f.listener,
    );
    await rejecting.open(null);
    rejecting.change(validForm());
    await expect(rejecting.sync()).resolves.toEqual({
      kind: 'rejected',
      errors: { title: '名称过长' },
      message: '请检查：名称',
    });
  });

  it('keeps a change typed while the save was on its way to be synced next', async () => {
    const answer = deferred<Result<{ id: string; version: number }>>();
    const f = fakes({ createItem: () => answer.promise });
    const engine = new DraftSync(f.ports, f.listener);
    await engine.open(null);
    engine.change(validForm());
    const saving = engine.sync();
    await flush();
    engine.change({ body: '后来补的正文' });
    answer.resolve({ ok: true, data: { id: 'item-1', version: 1 } });
    await expect(saving).resolves.toEqual({ kind: 'saved', dirty: true, pending: 0 });
    expect(f.stored.get('item-1')).toMatchObject({ dirty: true, form: { body: '后来补的正文' } });
  });
});

describe('DraftSync: photos', () => {
  it('keeps a chosen photo on the phone, uploads it, and makes it an attachment', async () => {
    const f = fakes();
    const engine = new DraftSync(f.ports, f.listener);
    await engine.open(null);
    await engine.addPhotos([{ path: 'tmp/a.png', size: 5 }]);
    await engine.uploadPending();
    expect(f.uploads).toMatchObject([{ filePath: 'kept/tmp/a.png', name: '照片1.png', organId: 'o1' }]);
    expect(engine.draft?.photos).toEqual([]);
    expect(engine.draft?.form.attachments).toEqual([{ fileId: 'f-1', name: '照片1.png', kind: 'image', size: 10 }]);
    expect(f.stored.get('new')?.form.attachments).toHaveLength(1);
    expect(f.dropped).toEqual(['kept/tmp/a.png']);
    expect(f.seen.uploads[0]).toEqual(['kept/tmp/a.png', { state: 'uploading', progress: 0 }]);
  });

  it('runs one upload at a time, each photo once per run, photos added meanwhile included', async () => {
    const gates: Deferred<void>[] = [];
    let running = 0;
    let most = 0;
    const f = fakes();
    const upload = f.ports.uploadPhoto;
    const engine = new DraftSync(
      {
        ...f.ports,
        uploadPhoto: async (file) => {
          running += 1;
          most = Math.max(most, running);
          const gate = deferred<void>();
          gates.push(gate);
          await gate.promise;
          running -= 1;
          return upload(file);
        },
      },
      f.listener,
    );
    await engine.open(null);
    await engine.addPhotos([{ path: 'a.jpg', size: 1 }]);
    await flush();
    await engine.addPhotos([{ path: 'b.jpg', size: 1 }]);
    const run = engine.uploadPending();
    expect(engine.uploadPending()).toBe(run);
    for (let i = 0; i < 2; i += 1) {
      await flush();
      gates[i]?.resolve();
    }
    await run;
    expect(most).toBe(1);
    expect(f.uploads.map((u) => u.filePath)).toEqual(['kept/a.jpg', 'kept/b.jpg']);
    expect(engine.draft?.form.attachments.map((a) => a.name)).toEqual(['照片1.jpg', '照片2.jpg']);
  });

  it('keeps a photo whose upload failed, says so, and uploads it first when the form is synced', async () => {
    let online = false;
    const f = fakes();
    const upload = f.ports.uploadPhoto;
    const engine = new DraftSync(
      { ...f.ports, uploadPhoto: async (file) => (online ? upload(file) : OFFLINE) },
      f.listener,
    );
    await engine.open(null);
    engine.change(validForm());
    await engine.addPhotos([{ path: 'a.jpg', size: 1 }]);
    await engine.uploadPending();
    expect(engine.draft?.photos).toEqual([{ path: 'kept/a.jpg', size: 1 }]);
    expect(engine.uploads['kept/a.jpg']).toEqual({ state: 'failed', progress: 0 });
    expect(f.seen.failures).toEqual(['网络连接失败。1 张照片尚未上传，已保存在本机；联网后点照片可重试']);
    expect(f.stored.get('new')?.photos).toHaveLength(1);

    online = true;
    await expect(engine.sync()).resolves.toEqual({ kind: 'saved', dirty: false, pending: 0 });
    expect(f.sent[0]?.payload).toMatchObject({ content: { attachments: [{ fileId: 'f-1', name: '照片1.jpg' }] } });
  });

  it('does not attach a photo removed while it was uploading, and asks who the caller is only once', async () => {
    const gate = deferred<void>();
    let asked = 0;
    const f = fakes();
    const upload = f.ports.uploadPhoto;
    const me = f.ports.fetchMe;
    const engine = new DraftSync(
      {
        ...f.ports,
        fetchMe: () => ((asked += 1), me()),
        uploadPhoto: async (file) => {
          await gate.promise;
          return upload(file);
        },
      },
      f.listener,
    );
    await engine.open(null);
    await engine.addPhotos([{ path: 'a.jpg', size: 1 }]);
    await flush();
    engine.removePhoto('kept/a.jpg');
    gate.resolve();
    await engine.uploadPending();
    expect(engine.draft?.form.attachments).toEqual([]);
    await engine.addPhotos([{ path: 'b.jpg', size: 1 }]);
    await engine.uploadPending();
    expect(engine.draft?.form.attachments).toHaveLength(1);
    expect(asked).toBe(1);
  });

  it('fails the upload without calling the server when the organ cannot be known (offline, never bound)', async () => {
    const f = fakes({ fetchMe: async () => OFFLINE });
    const engine = new DraftSync(f.ports, f.listener);
    await engine.open(null);
    await engine.addPhotos([{ path: 'a.jpg', size: 1 }]);
    await engine.uploadPending();
    expect(f.uploads).toEqual([]);
    expect(f.seen.failures[0]).toContain('照片上传失败');
  });
});
