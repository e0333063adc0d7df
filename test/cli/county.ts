/**
 * A generated county: 30 organs (22 townships, 8 departments) over three years, from a seed. Each organ's
 * years hold together (上年结转 = last year's 结转下年度, 现行有效 carried over, a fresh 五 each year), every
 * report holds its own equations and says what it must, and the files come in the forms a county keeps
 * (Markdown, a saved web page, that page as text, .docx), with the organ named differently from year to year
 * (“青禾县白沙镇人民政府”, “白沙镇人民政府”, “青禾县白沙镇”). Then errors are planted, one of each kind the
 * checks across reports find, and two files a reader cannot place (no organ; no year).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APPLICANT_TYPES, CELL_ADDRESSES, FORMAT_2021, OUTCOME_ROWS, cellAddress } from '../../shared/format';
import { htmlToText } from '../../shared/import/html';
import { renderHtml, renderMarkdown } from '../../shared/render';
import { renderDocx } from '../../shared/render/docx';
import type { Cells, ReportData } from '../../shared/report';

export const COUNTY = '青禾县';
export const YEARS = [2022, 2023, 2024] as const;

const TOWNS = [
  '白沙镇',
  '松岭乡',
  '鹿鸣镇',
  '河西街道',
  '青山镇',
  '凤溪镇',
  '高坪乡',
  '柳岸街道',
  '云峰镇',
  '石门乡',
  '桃源镇',
  '龙泉镇',
  '梅林乡',
  '双桥镇',
  '金竹乡',
  '清水镇',
  '马鞍乡',
  '新市镇',
  '东城街道',
  '长岭乡',
  '黄田镇',
  '枫林乡',
];
const DEPARTMENTS = [
  '财政局',
  '教育局',
  '民政局',
  '自然资源局',
  '交通运输局',
  '市场监督管理局',
  '卫生健康局',
  '住房和城乡建设局',
];

/** Sentences a 五 is written from: each organ uses each at most once over its three years. */
const PROBLEMS = [
  '政务新媒体更新频率不高，部分栏目内容陈旧',
  '政策解读形式单一，图解和视频解读较少',
  '依申请公开答复文书用语不够规范',
  '基层工作人员业务培训不足，人员变动频繁',
  '公开目录梳理不够细致，部分信息归类不准',
  '重点领域信息公开的深度和广度不够',
  '意见征集后的采纳情况反馈不及时',
  '政府信息管理动态调整机制落实不到位',
  '公开平台检索功能不便，群众查找困难',
  '涉及群众切身利益的事项公开不够主动',
  '会议开放和公众参与的形式较少',
  '公开内容审查把关流程执行不严格',
];
const IMPROVEMENTS = [
  '已制定栏目维护清单，每周专人更新',
  '已开展图文解读，全年发布解读材料多篇',
  '已参照省级答复范本修订文书模板',
  '已组织专题培训并建立岗位交接台账',
  '已对照目录逐项核对并调整归类',
  '已建立重点领域信息公开责任清单',
  '已在意见征集结束后集中公布采纳情况',
  '已每季度对规范性文件开展清理评估',
  '已对接上级平台优化站内检索',
  '已将惠民资金发放情况按月公开',
  '已邀请群众代表列席相关会议',
  '已落实三审制度并留存审核记录',
];

/** mulberry32: a small seeded generator, so a failing county can be generated again from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Form = 'md' | 'html' | 'txt' | 'docx';
const TEXT_FORMS: readonly Form[] = ['md', 'html', 'txt'];

export interface Organ {
  /** The name the county knows it by. */
  name: string;
  township: boolean;
  form: Form;
}

export interface CountyFile {
  /** The path under the county's folder. */
  file: string;
  organ: Organ;
  year: number;
  report: ReportData;
}

/** What a planted error must produce on its file, and nothing else anywhere must be an error or warning. */
export interface Planted {
  file: string;
  check: string;
  level: 'error' | 'warning' | 'info';
  /** How many findings (carry-over: the 自然人 column and the 总计 column). */
  count: number;
}

export interface County {
  files: CountyFile[];
  planted: Planted[];
  /** A report that names no organ (listed as such, checked alone) and a text with no year (not read). */
  noOrgan: string;
  noYear: string;
}

interface Year {
  carriedOver: number[];
  carriedForward: number[];
  outcomes: Map<string, number[]>;
  inForce: { rules: number; normativeDocs: number };
  issued: { rules: number; normativeDocs: number };
  repealed: { rules: number; normativeDocs: number };
  proactive: number;
  problems: string;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function cellsOf(y: Year, rnd: () => number): Cells {
  const cells: Cells = Object.fromEntries(CELL_ADDRESSES.map((a) => [a, 0]));
  const put = (row: string, parts: readonly number[]) => {
    APPLICANT_TYPES.forEach((c, i) => (cells[cellAddress('applications', row, c)] = parts[i] ?? 0));
    cells[cellAddress('applications', row, 'total')] = sum(parts);
  };
  const result = APPLICANT_TYPES.map((_, c) => sum(OUTCOME_ROWS.map((row) => y.outcomes.get(row)?.[c] ?? 0)));
  for (const row of OUTCOME_ROWS) put(row, y.outcomes.get(row) ?? []);
  put('resultTotal', result);
  put('carriedOver', y.carriedOver);
  put('carriedForward', y.carriedForward);
  put(
    'newReceived',
    result.map((r, c) => r + (y.carriedForward[c] ?? 0) - (y.carriedOver[c] ?? 0)),
  );
  for (const row of ['rules', 'normativeDocs'] as const) {
    cells[cellAddress('proactive', row, 'issued')] = y.issued[row];
    cells[cellAddress('proactive', row, 'repealed')] = y.repealed[row];
    cells[cellAddress('proactive', row, 'inForce')] = y.inForce[row];
  }
  for (const row of ['licensing', 'punishment', 'enforcement'])
    cells[cellAddress('proactive', row, 'decisions')] = Math.floor(rnd() * 60);
  for (const row of FORMAT_2021.reviewLitigation.rows) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map(() => (rnd() < 0.15 ? 1 : 0));
    ['upheld', 'corrected', 'other', 'pending'].forEach(
      (c, j) => (cells[cellAddress('reviewLitigation', row.key, c)] = parts[j] ?? 0),
    );
    cells[cellAddress('reviewLitigation', row.key, 'total')] = sum(parts);
  }
  return cells;
}

/** Handled requests spread over a few ordinary outcomes, at least `atLeast` per column. */
function outcomes(rnd: () => number, atLeast: readonly number[]): Map<string, number[]> {
  const rows = ['disclosed', 'partlyDisclosed', 'unavailableNotHeld', 'notProcessedDuplicate'];
  const out = new Map<string, number[]>(rows.map((r) => [r, APPLICANT_TYPES.map(() => 0)]));
  APPLICANT_TYPES.forEach((_, c) => {
    // Requests come from people and firms; a township rarely hears from anyone else.
    const n = Math.max(atLeast[c] ?? 0, c === 0 ? 1 + Math.floor(rnd() * 4) : c === 1 && rnd() < 0.4 ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const row = rows[Math.floor(rnd() * rnd() * rows.length)] ?? 'disclosed';
      const counts = out.get(row);
      if (counts) counts[c] = (counts[c] ?? 0) + 1;
    }
  });
  return out;
}

function problemsText(organ: number, year: number): string {
  const yearIndex = year - YEARS[0];
  const picks = [0, 1, 2].map((k) => (organ * 5 + yearIndex * 3 + k) % PROBLEMS.length);
  return picks
    .map(
      (p, k) =>
        `${['一', '二', '三'][k]}是${PROBLEMS[p] ?? ''}。改进情况：${IMPROVEMENTS[(p + organ) % IMPROVEMENTS.length] ?? ''}。`,
    )
    .join('\n');
}

function titleName(organ: Organ, year: number): string {
  if (!organ.township) return `${COUNTY}${organ.name}`;
  const government = organ.name.endsWith('街道') ? `${organ.name}办事处` : `${organ.name}人民政府`;
  return [`${COUNTY}${government}`, government, `${COUNTY}${organ.name}`][year % 3] ?? government;
}

function reportOf(organ: Organ, year: number, y: Year, cells: Cells): ReportData {
  const period = `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  const received = cells[cellAddress('applications', 'newReceived', 'total')] ?? 0;
  // A .docx as the product writes it carries no preface: the period is said in 一 instead.
  const preface = `本报告根据《中华人民共和国政府信息公开条例》编制。${period}`;
  return {
    organ: titleName(organ, year),
    year,
    formatVersion: '2021',
    cells,
    ...(organ.form === 'docx' ? {} : { preface }),
    sections: {
      overview:
        `${organ.form === 'docx' ? period : ''}${year}年，${organ.name}全年主动公开政府信息${y.proactive}条，` +
        `全年共收到政府信息公开申请${received}件。工作考核、社会评议和责任追究结果情况：按要求开展，无责任追究情况。`,
      proactive: '',
      applications: '',
      reviewLitigation: '',
      problems: y.problems,
      other: '本年度未收取信息处理费。无其他需要报告的事项。',
    },
    overviewParts: [],
    narrative: { proactiveCount: y.proactive, applicationsReceived: received, processingFeesYuan: 0 },
    findings: [],
  };
}

function folderOf(organ: Organ, year: number, index: number): string {
  // Sub-folders as a county keeps them: by year, townships apart, some a level deeper.
  const base = organ.township ? `${year}/乡镇` : `${year}/部门`;
  return index % 5 === 0 ? `${base}/补报` : base;
}

/** The county as data: every report, with the planted errors in. */
export function generateCounty(seed: number): County {
  const rnd = random(seed);
  // Forms in turn; two organs' .docx only (reading a .docx takes several times as long as text).
  const formOf = (i: number): Form => (i === 3 || i === 24 ? 'docx' : (TEXT_FORMS[i % TEXT_FORMS.length] ?? 'md'));
  const organs: Organ[] = [
    ...TOWNS.map((name, i) => ({ name, township: true, form: formOf(i) })),
    ...DEPARTMENTS.map((name, i) => ({ name, township: false, form: formOf(TOWNS.length + i) })),
  ];
  const years = new Map<string, Year>();
  organs.forEach((organ, i) => {
    let before: Year | null = null;
    for (const year of YEARS) {
      const carriedOver = before
        ? [...before.carriedForward]
        : APPLICANT_TYPES.map((_, c) => (c === 0 && rnd() < 0.3 ? 1 : 0));
      const carriedForward = APPLICANT_TYPES.map((_, c) => (c === 0 && rnd() < 0.3 ? 1 : 0));
      const issued = { rules: 0, normativeDocs: Math.floor(rnd() * 4) };
      const repealed = { rules: 0, normativeDocs: Math.floor(rnd() * 2) };
      const start = before?.inForce ?? { rules: 0, normativeDocs: 5 + Math.floor(rnd() * 20) };
      const y: Year = {
        carriedOver,
        carriedForward,
        outcomes: outcomes(rnd, carriedOver),
        issued,
        repealed,
        inForce: {
          rules: start.rules,
          normativeDocs: Math.max(0, start.normativeDocs + issued.normativeDocs - repealed.normativeDocs),
        },
        proactive: 40 + Math.floor(rnd() * 300),
        problems: problemsText(i, year),
      };
      // Repealing more than was in force would not carry over: none repealed then.
      if (start.normativeDocs + issued.normativeDocs < repealed.normativeDocs) y.repealed.normativeDocs = 0;
      years.set(`${organ.name}/${year}`, y);
      before = y;
    }
  });
  const at = (name: string, year: number): Year => {
    const y = years.get(`${name}/${year}`);
    if (!y) throw new Error(`no ${name} ${year}`);
    return y;
  };
  const planted: Omit<Planted, 'file'>[] = [];
  const plant = new Map<string, Omit<Planted, 'file'>>();
  const mark = (name: string, year: number, p: Omit<Planted, 'file'>) => {
    plant.set(`${name}/${year}`, p);
    planted.push(p);
  };
  // A carry-over break: 2023 says 2 carried over where 2022 carried 0 forward (new requests one fewer).
  const brokenCarry = at('松岭乡', 2023);
  at('松岭乡', 2022).carriedForward[0] = 0;
  brokenCarry.carriedOver[0] = 2;
  const natural = brokenCarry.outcomes.get('disclosed');
  if (natural) natural[0] = (natural[0] ?? 0) + 2;
  mark('松岭乡', 2023, { check: 'carryOverApplications', level: 'error', count: 2 });
  // 现行有效 not carried over: 2 more in force than last year + issued − repealed.
  at('财政局', 2024).inForce.normativeDocs += 2;
  mark('财政局', 2024, { check: 'carryOverInForce', level: 'warning', count: 1 });
  // 五 copied from last year.
  at('鹿鸣镇', 2024).problems = at('鹿鸣镇', 2023).problems;
  mark('鹿鸣镇', 2024, { check: 'problemsSimilar', level: 'info', count: 1 });
  // Forty new requests where peers have a handful.
  const busy = at('青山镇', 2023).outcomes.get('disclosed');
  if (busy) busy[1] = (busy[1] ?? 0) + 40;
  mark('青山镇', 2023, { check: 'peerRequests', level: 'info', count: 1 });
  // 主动公开 0.
  at('凤溪镇', 2022).proactive = 0;
  mark('凤溪镇', 2022, { check: 'proactiveZero', level: 'info', count: 1 });
  // Most requests closed as 其他处理.
  // Seven handled (fewer than the peer minimum of new requests), five of them 其他处理.
  at('教育局', 2024).outcomes = new Map([
    ['disclosed', [2, 0, 0, 0, 0, 0]],
    ['otherOther', [5, 0, 0, 0, 0, 0]],
  ]);
  mark('教育局', 2024, { check: 'otherProcessingShare', level: 'info', count: 1 });

  const files: CountyFile[] = [];
  const plantedFiles: Planted[] = [];
  organs.forEach((organ, i) => {
    for (const year of YEARS) {
      const y = at(organ.name, year);
      const file = `${folderOf(organ, year, i)}/${String(i + 1).padStart(2, '0')}-${year}.${organ.form}`;
      files.push({ file, organ, year, report: reportOf(organ, year, y, cellsOf(y, rnd)) });
      const p = plant.get(`${organ.name}/${year}`);
      if (p) plantedFiles.push({ ...p, file });
    }
  });
  return { files, planted: plantedFiles, noOrgan: '2023/收到的材料/无机关名称.md', noYear: '收到的材料/无年度.txt' };
}

/** The text of a report in its file's form. */
async function contentOf(f: CountyFile): Promise<string | Uint8Array> {
  switch (f.organ.form) {
    case 'md':
      return renderMarkdown(f.report);
    case 'html':
      return renderHtml(f.report);
    case 'txt':
      return htmlToText(renderHtml(f.report));
    case 'docx':
      return renderDocx(f.report);
  }
}

/** Writes the county under `dir`; returns what was planted. */
export async function writeCounty(dir: string, seed: number): Promise<County> {
  const county = generateCounty(seed);
  const write = (file: string, content: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  for (const f of county.files) write(f.file, await contentOf(f));
  // A report that names no organ anywhere (title, preface, signature): listed as such, checked alone.
  const sample = county.files.find((f) => f.organ.form === 'md' && f.year === 2023 && f.organ.township);
  if (!sample) throw new Error('no sample');
  const anonymous: ReportData = {
    ...sample.report,
    organ: '',
    sections: {
      ...sample.report.sections,
      overview: sample.report.sections.overview.replace(sample.organ.name, '本机关'),
    },
  };
  write(county.noOrgan, renderMarkdown(anonymous));
  // A note with no year anywhere: not a report that can be placed.
  write(county.noYear, '关于报送政府信息公开工作年度报告的说明\n\n报告随后补报。\n');
  return county;
}
