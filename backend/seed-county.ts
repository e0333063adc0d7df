/**
 * The demo county `npm start` seeds beside the demo organ, so a newcomer sees the county view filled: 同仁市 with
 * its county reviewer (a printed login), a township on the product whose report of
 * last year went through its own chain and waits for the county, and three townships not on the product whose
 * published reports of the last two years the county pasted in — one with a planted error (its 上年结转 does not
 * match the year before's 结转). Everything goes through the real function handlers, as people would do it.
 */
import { randomBytes } from 'node:crypto';
import type { FunctionName } from '../shared/api';
import { importReportText } from '../shared/import/report-text';
import { renderMarkdown } from '../shared/render';
import type { ReportData } from '../shared/report';
import { FUNCTION_HANDLERS } from './functions';
import { createSetupCode } from './organ';
import type { Db } from './sdk';

/** A call through a function's real handler as the person with `openid`; the answer's data, or it throws. */
export type SeedCall = <T>(openid: string, fn: FunctionName, action: string, payload: unknown) => Promise<T>;

export function seedCaller(db: Db): SeedCall {
  return async <T>(openid: string, fn: FunctionName, action: string, payload: unknown): Promise<T> => {
    const handler = FUNCTION_HANDLERS[fn];
    if (!handler) throw new Error(`no function ${fn}`);
    const r = await handler({ action, payload }, { db, openid });
    if (!r.ok) throw new Error(`seed ${fn}.${action}: ${r.message}`);
    return r.data as T;
  };
}

export const DEMO_COUNTY = {
  name: '同仁市人民政府办公室',
  /** The county reviewer (printed login `county`) and the county organ's admin. */
  reviewer: 'demo-county',
  admin: 'demo-county-admin',
};

/** Townships not on the product: per report, how many years ago, its 主动公开 count, 行政许可 decisions, 上年结转. */
const PASTED = [
  {
    name: '多哇镇人民政府',
    reports: [
      { ago: 2, items: 188, licences: 12 },
      { ago: 1, items: 203, licences: 15 },
    ],
  },
  {
    name: '黄乃亥乡人民政府',
    reports: [
      { ago: 2, items: 97, licences: 4 },
      { ago: 1, items: 112, licences: 6, carriedOver: 2 },
    ],
  },
  // Last year's not in yet: the row the county chases.
  { name: '曲库乎乡人民政府', reports: [{ ago: 2, items: 140, licences: 9 }] },
] as const;

/**
 * A township's published report as its text: the demo organ's imported report with the township's name, year and
 * figures, rendered as Markdown (one of the forms the importer reads). `carriedOver`: 上年结转 (and as many carried
 * forward, so the year balances on its own and only the comparison with the year before can find it).
 */
export function townshipReportText(
  base: ReportData,
  organ: string,
  year: number,
  figures: { items: number; licences: number; carriedOver: number },
): string {
  const place = organ.replace(/人民政府$/, '');
  const swap = (s: string) =>
    s.replaceAll('扎毛乡', place).replaceAll(String(base.year), String(year)).replace(/264/g, String(figures.items));
  const sections = Object.fromEntries(Object.entries(base.sections).map(([k, v]) => [k, swap(v)]));
  const cells = { ...base.cells, 'proactive.licensing.decisions': figures.licences };
  for (const column of ['natural', 'total'])
    Object.assign(cells, {
      [`applications.carriedOver.${column}`]: figures.carriedOver,
      [`applications.carriedForward.${column}`]: figures.carriedOver,
    });
  const report: ReportData = {
    ...base,
    organ,
    year,
    cells,
    sections: sections as ReportData['sections'],
    overviewParts: base.overviewParts.map((p) => ({ title: p.title, text: swap(p.text) })),
    findings: [],
    ...(base.preface === undefined ? {} : { preface: swap(base.preface) }),
  };
  return renderMarkdown(report);
}

/**
 * Seeds the county. The demo organ stays on its own (its leader's approval publishes, as a township's own
 * deployment does). `year` is the seeding year: the reports are of the two years before it, the later one due now.
 */
export async function seedDemoCounty(db: Db, seedReportText: string, year: number): Promise<{ countyId: string }> {
  const call = seedCaller(db);
  const code = await createSetupCode(db, randomBytes, new Date(), 7, 'county');
  const { organId: countyId } = await call<{ organId: string }>(DEMO_COUNTY.admin, 'organ', 'setup', {
    code,
    organ: {
      name: DEMO_COUNTY.name,
      creditCode: '11632323MB00000109',
      contactPhone: '0973-8720000',
      address: '青海省黄南藏族自治州同仁市',
      reviewOrgan: '黄南藏族自治州人民政府',
      court: '同仁市人民法院',
    },
    displayName: '市政务公开办管理员',
  });
  const invite = await call<{ code: string }>(DEMO_COUNTY.admin, 'organ', 'invite', { role: 'county' });
  await call(DEMO_COUNTY.reviewer, 'organ', 'bind', { code: invite.code, displayName: '市政务公开办 李娜' });
  const join = async (admin: string) => {
    const link = await call<{ code: string }>(DEMO_COUNTY.reviewer, 'county', 'inviteOrgan', {});
    await call(admin, 'organ', 'joinCounty', { code: link.code });
  };

  // A township on the product: last year's report written, through its chain, now waiting for the county.
  const town = {
    admin: 'demo-town-admin',
    editor: 'demo-town-editor',
    reviewer: 'demo-town-reviewer',
    leader: 'demo-town-leader',
  };
  await call(town.admin, 'organ', 'setup', {
    code: await createSetupCode(db),
    organ: {
      name: '双朋西乡人民政府',
      creditCode: '11632323MB0000020A',
      contactPhone: '0973-8730000',
      address: '同仁市双朋西乡',
    },
    displayName: '乡政府办管理员',
  });
  for (const role of ['editor', 'reviewer', 'leader'] as const) {
    const code = await call<{ code: string }>(town.admin, 'organ', 'invite', { role });
    await call(town[role], 'organ', 'bind', { code: code.code, displayName: `双朋西乡 ${role}` });
  }
  await join(town.admin);
  const last = year - 1;
  await call(town.editor, 'reports', 'saveNarrative', {
    year: last,
    version: 0,
    sections: {
      overview: `${last}年，双朋西乡主动公开政府信息 36 条。工作考核、社会评议和责任追究结果情况：无。`,
      problems: '一是公开内容更新不够及时。改进情况：明确专人每周更新。',
      other: '本年度未收取信息处理费。',
    },
  });
  await call(town.editor, 'reports', 'submit', { year: last });
  await call(town.reviewer, 'reports', 'approve', { year: last });
  await call(town.leader, 'reports', 'approve', { year: last });

  // Townships not on the product: their published reports pasted in by the county, matched by name.
  const base = importReportText(seedReportText);
  for (const t of PASTED)
    for (const r of t.reports) {
      // The planted error: 上年结转 2 while the year before carried 0 forward.
      const figures = { items: r.items, licences: r.licences, carriedOver: 'carriedOver' in r ? r.carriedOver : 0 };
      const text = townshipReportText(base, t.name, year - r.ago, figures);
      await call(DEMO_COUNTY.reviewer, 'county', 'importReport', { text });
    }
  return { countyId };
}
