/**
 * The county year, seeded (the same records every run): 30 organs' items, requests, review cases and statistics
 * entries as the functions store them, and the same records as the core's report records for the in-memory build.
 */
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, OUTCOME_ROWS } from '../../shared/format';
import type { RequestRecord, ReviewCase, StatEntry } from '../../shared/records';
import { searchGrams } from '../../shared/records/grams';

export const YEAR = 2025;
export const COUNTY = { items: 100_000, requests: 20_000, cases: 2_000, statEntries: 2_000 };
export const CATEGORIES = ['agriculture', 'finance', 'planning', 'socialAid', 'education', 'personnel'];
/** Title words: keyword searches pick among them. */
export const TOPICS = [
  '草原补奖',
  '危房改造',
  '低保',
  '防汛',
  '饮水工程',
  '乡村振兴',
  '医疗救助',
  '道路养护',
  '耕地保护',
  '牧民培训',
];
const KINDS = ['通知', '公告', '实施方案', '工作总结', '资金公示'];

/** A deterministic pseudo-random sequence (LCG), so every run stores the same county. */
export function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const day = (rnd: () => number, year: number, fromMonth = 1): string =>
  `${year}-${pad(fromMonth + Math.floor(rnd() * (13 - fromMonth)))}-${pad(1 + Math.floor(rnd() * 28))}`;

export interface OrganYear {
  items: Record<string, unknown>[];
  requests: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  statEntries: Record<string, unknown>[];
  /** The same records as the core counts them. */
  records: { requests: RequestRecord[]; cases: ReviewCase[]; statEntries: StatEntry[]; publishedItems: number };
}

/** `share` of the county's volume for one organ, ids prefixed with `tag`. */
export function organYear(organId: string, tag: string, share: number, seed: number): OrganYear {
  const rnd = lcg(seed);
  const n = (total: number) => Math.round(total * share);
  const out: OrganYear = {
    items: [],
    requests: [],
    cases: [],
    statEntries: [],
    records: { requests: [], cases: [], statEntries: [], publishedItems: 0 },
  };
  for (let i = 0; i < n(COUNTY.items); i++) {
    const published = rnd() < 0.9;
    const date = day(rnd, YEAR);
    const title = `关于${pick(rnd, TOPICS)}的${pick(rnd, KINDS)}（${tag}-${i}）`;
    const docNo = `${tag}政发〔${YEAR}〕${i}号`;
    out.items.push({
      _id: `${tag}-item-${pad(i, 6)}`,
      organId,
      title,
      docNo,
      grams: searchGrams(title, docNo),
      publisher: `${tag}人民政府`,
      writtenDate: date,
      category: pick(rnd, CATEGORIES),
      disclosureMode: '主动公开',
      scope: '面向社会',
      validity: null,
      body: `${title}。根据有关规定，现将有关事项公开如下。`.repeat(3),
      attachments: [],
      status: published ? 'published' : 'draft',
      indexNo: published ? `${tag}-${YEAR}-${pad(i, 5)}` : null,
      publishedDate: published ? date : null,
      ...(published ? { publishYear: YEAR } : {}),
      version: 1,
      createdBy: `${tag}-editor`,
      createdAt: new Date(`${date}T08:00:00+08:00`),
      updatedAt: new Date(`${date}T08:00:00+08:00`),
    });
    if (published) out.records.publishedItems += 1;
  }
  for (let i = 0; i < n(COUNTY.requests); i++) {
    // Received from Dec of last year through this year; most answered, some carried into next year.
    const received = rnd() < 0.05 ? day(rnd, YEAR - 1, 12) : day(rnd, YEAR);
    const answered =
      rnd() < 0.85 ? (received < `${YEAR}-12-01` ? maxDate(received, day(rnd, YEAR)) : `${YEAR + 1}-01-10`) : null;
    const outcome = answered ? pick(rnd, OUTCOME_ROWS) : null;
    const applicantType = pick(rnd, APPLICANT_TYPES);
    const id = `${tag}-req-${pad(i, 6)}`;
    out.requests.push({
      _id: id,
      organId,
      applicationNo: `${tag}${YEAR}${pad(i, 5)}`,
      channel: 'online',
      status: answered ? 'answered' : 'received',
      submittedDate: received,
      receivedDate: received,
      applicant: {
        applicantType,
        idType: 'idCard',
        idNumber: '11010519491231002X',
        phone: '13912345678',
        address: '某村',
      },
      content: { description: `请公开第 ${i} 项信息`, deliveryForm: 'online' },
      outcome,
      answeredDate: answered,
    });
    out.records.requests.push({ id, applicantType, receivedDate: received, outcome, answeredDate: answered });
  }
  for (let i = 0; i < n(COUNTY.cases); i++) {
    const filed = rnd() < 0.2 ? day(rnd, YEAR - 1) : day(rnd, YEAR);
    const closed = rnd() < 0.7 ? maxDate(filed, day(rnd, YEAR)) : null;
    const c: ReviewCase = {
      id: `${tag}-case-${pad(i, 5)}`,
      kind: pick(rnd, CASE_KINDS),
      filedDate: filed,
      result: closed ? pick(rnd, CASE_RESULTS) : null,
      closedDate: closed,
    };
    const { id, ...fields } = c;
    out.cases.push({ _id: id, organId, ...fields });
    out.records.cases.push(c);
  }
  const metrics = [
    'licensing.decisions',
    'punishment.decisions',
    'normativeDocs.issued',
    'normativeDocs.repealed',
  ] as const;
  for (let i = 0; i < n(COUNTY.statEntries); i++) {
    const e: StatEntry =
      i % 10 === 9
        ? {
            kind: 'fee',
            id: `${tag}-stat-${pad(i, 5)}`,
            metric: 'fees.amountWanYuan',
            date: day(rnd, YEAR),
            amountWanYuan: 0.5,
          }
        : {
            kind: 'count',
            id: `${tag}-stat-${pad(i, 5)}`,
            metric: pick(rnd, metrics),
            date: day(rnd, YEAR),
            count: 1 + Math.floor(rnd() * 5),
          };
    const { id, ...fields } = e;
    out.statEntries.push({ _id: id, organId, ...fields });
    out.records.statEntries.push(e);
  }
  return out;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
