/**
 * The demo organ `npm start` creates on an empty store: 扎毛乡人民政府 with one person per role, its 2023 report
 * imported from server/seed/ as published, sample items, statistics and cases in this year and the last.
 * Everything goes through the real function handlers, as a person would do it.
 */
import { DEMO_APPLICANT } from './demo-applicant';
import { createDevLogin, derivedLoginToken } from './dev-logins';
import { DEMO_COUNTY, seedCaller, seedDemoCounty } from './seed-county';
import { createSetupCode } from './organ';
import type { FunctionName } from '../shared/api';
import { SECRECY_ALL_CONFIRMED } from '../shared/api/items';
import type { Db } from './sdk';
import { ensureCollections } from './collections';
import { hasOrgans } from './organs';

export const DEMO_OPENIDS = {
  admin: 'demo-admin',
  editor: 'demo-editor',
  reviewer: 'demo-reviewer',
  leader: 'demo-leader',
  citizen: 'demo-citizen',
  /** The demo county's reviewer (backend/seed-county.ts): the county view. */
  county: DEMO_COUNTY.reviewer,
} as const;
export type DemoRole = keyof typeof DEMO_OPENIDS;

export interface DemoSeed {
  organId: string;
}

const CHECKLIST = SECRECY_ALL_CONFIRMED;

export async function isEmpty(db: Db): Promise<boolean> {
  await ensureCollections(db);
  return !(await hasOrgans(db));
}

/** A date `days` before `today` in Asia/Shanghai (YYYY-MM-DD): the demo's dates follow the day it is seeded. */
export function daysBefore(today: Date, days: number): string {
  const d = new Date(today.getTime() - days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/**
 * Seeds the demo. Every date is relative to `today`, the day of the first start: items written in the last weeks,
 * a paper request received three days ago (its clock running, not months overdue), this year's statistics dated
 * before today and last year's a year earlier, a 复议 case filed late last year and decided this year.
 */
export async function seedDemo(db: Db, seedReportText: string, today: Date): Promise<DemoSeed> {
  const callAs = seedCaller(db);
  const call = <T>(role: DemoRole, fn: FunctionName, action: string, payload: unknown): Promise<T> =>
    callAs<T>(DEMO_OPENIDS[role], fn, action, payload);
  const code = await createSetupCode(db);
  const organ = {
    name: '扎毛乡人民政府',
    creditCode: '11632323MB00000008',
    contactPhone: '0973-8888888',
    address: '青海省黄南藏族自治州同仁市扎毛乡',
    // 条例 第五十一条: the 复议机关 (the county-level government above a 乡) and the court every letter names.
    reviewOrgan: '同仁市人民政府',
    court: '同仁市人民法院',
    feePayment: '到扎毛乡财政所窗口缴纳，或通过非税收入缴款码缴纳',
  };
  const { organId } = await call<{ organId: string }>('admin', 'organ', 'setup', {
    code,
    organ,
    displayName: '乡政府办管理员',
  });
  for (const role of ['editor', 'reviewer', 'leader'] as const) {
    const invite = await call<{ code: string }>('admin', 'organ', 'invite', { role });
    const names = { editor: '党政办 扎西', reviewer: '分管副乡长 卓玛', leader: '乡长 才让' };
    await call(role, 'organ', 'bind', { code: invite.code, displayName: names[role] });
  }
  // The seed's text gives no publish date: the demo's is the last day 条例 第四十九条 allows (31 January).
  await call('admin', 'reports', 'importPublished', { text: seedReportText, publishedOn: '2024-01-31' });
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(today));
  const titles = [
    '关于做好春耕备耕工作的通知',
    `扎毛乡${year}年城乡居民最低生活保障对象公示`,
    '扎毛乡草原生态保护补助奖励资金发放情况公示',
    '扎毛乡农村人居环境整治工作方案',
  ];
  for (const [i, title] of titles.entries()) {
    const content = {
      title,
      publisher: organ.name,
      writtenDate: daysBefore(today, 40 - 9 * i),
      category: i === 1 ? 'assistance' : 'agriculture',
      body: `${title}。详见附件。`,
    };
    const { id } = await call<{ id: string }>('editor', 'items', 'create', { content });
    if (i === titles.length - 1) continue; // one stays a draft for the 工作台
    await call('editor', 'items', 'submit', { id });
    await call('reviewer', 'items', 'approve', { id, checklist: CHECKLIST });
    await call('leader', 'items', 'approve', { id });
  }
  // This year's entries fall between 1 January and today; last year's a year before each.
  const dayOfYear = Math.floor((today.getTime() - new Date(`${year}-01-01T00:00:00+08:00`).getTime()) / 86_400_000);
  const thisYear = (share: number): string => daysBefore(today, Math.floor(dayOfYear * share));
  const lastYear = (share: number): string => daysBefore(today, Math.floor(dayOfYear * share) + 365);
  for (const [date, n] of [
    [lastYear(0.5), 4],
    [thisYear(0.5), 2],
  ] as const) {
    await call('editor', 'stats', 'create', {
      entry: { kind: 'count', metric: 'licensing.decisions', date, count: n },
    });
  }
  for (const date of [lastYear(0.2), thisYear(0.2)])
    await call('editor', 'stats', 'create', {
      entry: { kind: 'count', metric: 'punishment.decisions', date, count: 1 },
    });
  // A 复议 case filed last year (about two months before 1 January) and decided this year: 尚未审结 in last
  // year's report, 结果维持 in this year's.
  await call('editor', 'cases', 'create', {
    case: {
      kind: 'review',
      filedDate: daysBefore(today, dayOfYear + 60),
      result: 'upheld',
      closedDate: thisYear(0.5),
    },
  });
  // Two information requests: a citizen's online one awaiting confirmation, and a paper one received three days ago.
  const person = {
    ...DEMO_APPLICANT,
    description: '请公开本乡草原生态保护补助奖励资金的发放标准和名单',
    deliveryForm: 'online',
  };
  await call('citizen', 'requests', 'submit', {
    organId,
    submission: { ...person, channel: 'online' },
    idempotencyKey: 'seed-online-0001',
  });
  await call('editor', 'requests', 'record', {
    entry: { ...person, name: '扎西多杰', deliveryForm: 'paper', channel: 'post', receivedDate: daysBefore(today, 3) },
    idempotencyKey: 'seed-paper-00001',
  });
  // A county with its townships beside the demo organ, for the county view (backend/seed-county.ts).
  await seedDemoCounty(db, seedReportText, year);
  return { organId };
}

/**
 * One login per demo person, derived from `secret` (the server's admin key): the same tokens at every start, printed
 * by `npm start`; only their hashes are stored.
 */
export async function demoLogins(db: Db, secret: string): Promise<Record<DemoRole, string>> {
  const out = {} as Record<DemoRole, string>;
  for (const role of Object.keys(DEMO_OPENIDS) as DemoRole[]) {
    const openid = DEMO_OPENIDS[role];
    out[role] = await createDevLogin(db, openid, role, derivedLoginToken(secret, openid));
  }
  return out;
}
