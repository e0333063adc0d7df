/**
 * The world the permission matrix and the fuzz run in: the demo organ `npm start` seeds (through the real functions,
 * on the local server through the real SDK), a second organ, and one caller of every kind — generated from the
 * roles list (shared/policy ROLES), so a role added there is covered without a change here. Beside it: every action
 * of every contract, a watch on the store (every write counted, every collection dumped) and the payloads that
 * need real ids.
 */
import { readFileSync } from 'node:fs';
import type * as z from 'zod';
import { COLLECTIONS } from '../../../backend/collections';
import { createSetupCode } from '../../../backend/organ';
import { DEMO_OPENIDS, seedDemo } from '../../../backend/seed';
import { SEED_REPORT_FILE } from '../../../server/portal';
import type { DocStore } from '../../../server/app';
import type { FunctionName } from '../../../shared/api';
import { SECRECY_ALL_CONFIRMED } from '../../../shared/api/items';
import { CONTRACTS } from '../../../shared/api/contracts';
import type { ActionContract } from '../../../shared/api/contract';
import { ROLES, type Role, type StaffRole } from '../../../shared/policy';
import { ORGAN, startBackend, type Backend } from '../harness';

/** One action of one contract. */
export interface ActionCase {
  fn: FunctionName;
  action: string;
  name: string;
  contract: ActionContract;
}

export const ACTIONS: ActionCase[] = Object.entries(CONTRACTS).flatMap(([fn, table]) =>
  Object.entries(table as Record<string, ActionContract>).map(([action, contract]) => ({
    fn: fn as FunctionName,
    action,
    name: `${fn}.${action}`,
    contract,
  })),
);

/** A kind of caller: who they are to the demo organ (A) and its applicant. */
export interface CallerKind {
  name: string;
  openid: string | null;
  role: Role;
  /** The organ whose staff they are: 'A' the demo organ, 'B' another one, null for citizens. */
  organ: 'A' | 'B' | null;
  /** Filed the demo's online request (its owner). */
  owner: boolean;
}

/** Counts every write the store takes and dumps every collection, so "nothing changed" is checked, not assumed. */
export class StoreWatch {
  writes = 0;
  /** The collection of every document written (or collection created), in order. */
  readonly written: string[] = [];
  constructor(private readonly store: DocStore) {
    const write = store.write.bind(store);
    const create = store.createCollection.bind(store);
    store.write = (ops) => {
      this.writes += 1;
      write(ops);
      this.written.push(...ops.map((op) => op.collection));
    };
    store.createCollection = (name) => {
      this.writes += 1;
      const created = create(name);
      this.written.push(name);
      return created;
    };
  }

  /** Every document of every collection, in natural order, as text (compared byte for byte). */
  dump(): string {
    return JSON.stringify(this.store.listCollections().map((c) => [c, this.store.scan(c)]));
  }

  /** The documents that mention `text` (an organ's id: its records, its staff, its audit chain). */
  slice(text: string): string {
    return JSON.stringify(
      this.store
        .listCollections()
        .map((c) => [c, this.store.scan(c).filter((d) => JSON.stringify(d).includes(text))] as const),
    );
  }

  docs(collection: string): Record<string, unknown>[] {
    return this.store.scan(collection);
  }
}

export interface World {
  b: Backend;
  watch: StoreWatch;
  organA: string;
  organB: string;
  callers: CallerKind[];
  ids: {
    /** Three published items of organ A (one to withdraw, one to correct, one to read), and its draft. */
    published: string[];
    draft: string;
    onlineRequest: string;
    paperRequest: string;
    report: string;
    statEntry: string;
    reviewCase: string;
    /** A spare editor of organ A, for organ.removeStaff. */
    spareStaff: string;
  };
  lastYear: number;
}

/** A staff member of `organId` in `role`: by invitation through the real functions, else a stored staff record. */
async function staffMember(b: Backend, admin: string, organId: string, role: StaffRole, openid: string): Promise<void> {
  const invite = await b.call(admin, 'organ', 'invite', { role });
  if (invite.ok) {
    const code = (invite.data as { code: string }).code;
    if ((await b.call(openid, 'organ', 'bind', { code, displayName: `${role} 测试` })).ok) return;
  }
  // A role the invitation does not offer (one a later branch adds, say): the record binding would have written.
  await b.db
    .collection(COLLECTIONS.staff)
    .add({ organId, openid, role, displayName: `${role} 测试`, active: true, createdAt: new Date() });
}

export async function buildWorld(): Promise<World> {
  const b = await startBackend();
  const today = new Date();
  const { organId: organA } = await seedDemo(b.db, readFileSync(SEED_REPORT_FILE, 'utf8'), today);
  const demo: Partial<Record<Role, string>> = DEMO_OPENIDS;
  const callers: CallerKind[] = [
    { name: 'anonymous', openid: null, role: 'citizen', organ: null, owner: false },
    { name: 'citizen', openid: 'matrix-citizen', role: 'citizen', organ: null, owner: false },
    { name: 'owner', openid: DEMO_OPENIDS.citizen, role: 'citizen', organ: null, owner: true },
  ];
  for (const role of ROLES) {
    const openid = demo[role] ?? `matrix-a-${role}`;
    if (!demo[role]) await staffMember(b, DEMO_OPENIDS.admin, organA, role, openid);
    callers.push({ name: role, openid, role, organ: 'A', owner: false });
  }
  // Organ B: its first admin by a setup code, then one person per other role.
  const adminB = 'matrix-b-admin';
  const setup = await b.ok<{ organId: string }>(adminB, 'organ', 'setup', {
    code: await createSetupCode(b.db),
    organ: { ...ORGAN, name: '另一乡人民政府', creditCode: '11632323MB12345670' },
    displayName: '另一乡管理员',
  });
  for (const role of ROLES) {
    const openid = role === 'admin' ? adminB : `matrix-b-${role}`;
    if (role !== 'admin') await staffMember(b, adminB, setup.organId, role, openid);
    callers.push({ name: `other organ ${role}`, openid, role, organ: 'B', owner: false });
  }
  await staffMember(b, DEMO_OPENIDS.admin, organA, 'editor', 'matrix-spare');

  const watch = new StoreWatch(b.local.server.store);
  const ofA = (c: string) => watch.docs(c).filter((d) => d.organId === organA);
  const items = ofA(COLLECTIONS.items);
  const requests = watch.docs(COLLECTIONS.requests);
  const idOf = (d: Record<string, unknown> | undefined): string => {
    if (typeof d?._id !== 'string') throw new Error('the demo lacks a record the matrix needs');
    return d._id;
  };
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(today));
  return {
    b,
    watch,
    organA,
    organB: setup.organId,
    callers,
    ids: {
      published: items.filter((i) => i.status === 'published').map(idOf),
      draft: idOf(items.find((i) => i.status === 'draft')),
      onlineRequest: idOf(requests.find((r) => r.channel === 'online')),
      paperRequest: idOf(requests.find((r) => r.channel !== 'online')),
      report: idOf(ofA(COLLECTIONS.publishedReports)[0]),
      statEntry: idOf(ofA(COLLECTIONS.statEntries)[0]),
      reviewCase: idOf(ofA(COLLECTIONS.cases)[0]),
      spareStaff: idOf(ofA(COLLECTIONS.staff).find((s) => s.openid === 'matrix-spare')),
    },
    lastYear: year - 1,
  };
}

const PERSON = {
  applicantType: 'natural',
  name: '测试申请人',
  idType: 'idCard',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  address: '扎毛乡德吉村',
  description: '请公开本乡的低保名单',
  deliveryForm: 'online',
};

let serial = 0;
const key = () => `matrix-key-${String((serial += 1)).padStart(6, '0')}`;

/**
 * What a payload needs from the world (real ids, a current version: a generated one would only be NOT_FOUND), by
 * action, laid over the payload generated from the action's input schema (arbitraries.ts sampleValid).
 */
export function overrides(w: World): Partial<Record<string, () => unknown>> {
  const version = (collection: string, id: string) => {
    const doc = w.watch.docs(collection).find((d) => d._id === id);
    return typeof doc?.version === 'number' ? doc.version : 1;
  };
  const [toWithdraw = '', toCorrect = '', toRead = ''] = w.ids.published;
  const content = {
    title: '矩阵测试',
    publisher: ORGAN.name,
    writtenDate: '2026-03-01',
    category: 'agriculture',
    body: '正文',
  };
  return {
    'organ.getProfile': () => ({ organId: w.organA }),
    'organ.updateProfile': () => ({ patch: { contactPhone: '0973-1234567' } }),
    'organ.removeStaff': () => ({ staffId: w.ids.spareStaff }),
    'items.list': () => ({ organId: w.organA }),
    'items.get': () => ({ id: toRead }),
    'items.history': () => ({ id: toRead }),
    'items.update': () => ({ id: w.ids.draft, version: version(COLLECTIONS.items, w.ids.draft), content }),
    'items.submit': () => ({ id: w.ids.draft }),
    'items.approve': () => ({ id: w.ids.draft, checklist: SECRECY_ALL_CONFIRMED }),
    'items.reject': () => ({ id: w.ids.draft, comment: '请补充依据' }),
    'items.withdraw': () => ({ id: toWithdraw, reason: '内容已过时' }),
    'items.correct': () => ({ id: toCorrect, reason: '更正错别字', content }),
    'stats.remove': () => ({ id: w.ids.statEntry }),
    'cases.close': () => ({ id: w.ids.reviewCase, result: 'upheld', closedDate: '2026-06-20' }),
    'stats.list': () => ({ year: w.lastYear }),
    'cases.list': () => ({ year: w.lastYear }),
    'reports.listPublished': () => ({ organId: w.organA }),
    'reports.getPublished': () => ({ id: w.ids.report }),
    'reports.exportHtml': () => ({ id: w.ids.report }),
    'reports.build': () => ({ year: w.lastYear }),
    'reports.check': () => ({ year: w.lastYear }),
    'reports.status': () => ({ year: w.lastYear }),
    'requests.submit': () => ({
      organId: w.organA,
      submission: { ...PERSON, channel: 'online' },
      idempotencyKey: key(),
    }),
    'requests.record': () => ({
      entry: { ...PERSON, deliveryForm: 'paper', channel: 'post', receivedDate: '2026-12-01' },
      idempotencyKey: key(),
    }),
    'requests.view': () => ({ id: w.ids.onlineRequest }),
    'requests.grantNotice': () => ({ requestId: w.ids.onlineRequest, templateId: 'tmpl-matrix' }),
    'requests.get': () => ({ id: w.ids.paperRequest }),
    'requests.letter': () => ({ id: w.ids.paperRequest }),
    'requests.reissueCode': () => ({ id: w.ids.paperRequest }),
    'requests.act': () => ({ id: w.ids.paperRequest, version: version(COLLECTIONS.requests, w.ids.paperRequest) }),
  };
}

/** The actions whose answer belongs to the request's applicant alone: no one else may get it. */
export const OWNER_ONLY = new Set(['requests.view', 'requests.grantNotice']);

export type InputSchema = z.ZodType;
