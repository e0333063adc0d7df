/**
 * The 政府信息公开指南 generated from the organ's profile, so it stays in step with it (条例 第十二条: the 指南 gives
 * the categories and their arrangement, how to obtain information, and the office's name, address, hours, phone,
 * fax and internet contact). Pure: the portal renders it as HTML and the mini program can render the same data.
 *
 * Articles cited (2019 条例; verify against the text, as shared/format/README says): 第二十条、第二十一条
 * (categories), 第二十六条 (20 working days to publish), 第二十七条–第二十九条 (who may ask, in writing, what a request
 * states), 第三十一条 (date of receipt), 第三十三条 (20 + 20 working days), 第四十二条 and 国办函〔2020〕109号 (fees),
 * 第五十一条 (complaint, 行政复议, 行政诉讼).
 */
import { ARTICLE_20, ARTICLE_21, type Category } from './categories';

/**
 * What the 指南 needs of the organ. The first three are in every profile; the others are optional profile fields
 * (the lawful-letters work adds them): a line whose field is empty is left out and named in `missing`.
 */
export interface GuideOrgan {
  name: string;
  address: string;
  contactPhone: string;
  /** The 政府信息公开工作机构 (e.g. 党政综合办公室); the organ itself when not set. */
  office?: string;
  officeHours?: string;
  fax?: string;
  email?: string;
  postalCode?: string;
  /** Where the organ's pages live (usually the county portal's column). */
  website?: string;
}

export type GuideField = keyof GuideOrgan;

export interface GuideBlock {
  /** A sub-heading （一）… inside a section. */
  heading?: string;
  paragraphs: string[];
  /** Label/value lines (the office's contact) or the category list. */
  list?: { label: string; text: string }[];
}

export interface GuideSection {
  heading: string;
  blocks: GuideBlock[];
}

export interface PublicationGuide {
  title: string;
  organ: string;
  sections: GuideSection[];
  /** Optional profile fields left empty: the admin is shown these to complete. */
  missing: GuideField[];
}

export interface GuideOptions {
  /** The categories in the order the catalogue shows them; default 第二十一条 then 第二十条. */
  categories?: readonly Category[];
  /** The mini program's name as citizens find it (online requests, with its QR code beside the 指南). */
  miniProgramName?: string;
  /** Shown inside the mini program itself: online requests point to its 依申请 tab instead of a QR code. */
  inMiniProgram?: boolean;
  /** A QR code that opens the mini program is shown with the 指南 (the portal's, when it knows its address). */
  withQrCode?: boolean;
}

const OPTIONAL = ['office', 'officeHours', 'fax', 'email', 'postalCode', 'website'] as const;

/**
 * The 指南's organ from a public profile (organ.getProfile): the three fields every profile has, and each optional
 * one the profile holds as non-empty text (the lawful-letters work adds them; the 指南 names what is missing).
 */
export function guideOrganOf(profile: { name: string; address: string; contactPhone: string }): GuideOrgan {
  const organ: GuideOrgan = { name: profile.name, address: profile.address, contactPhone: profile.contactPhone };
  const more = profile as unknown as Record<string, unknown>;
  for (const f of OPTIONAL) {
    const value = more[f];
    if (typeof value === 'string' && value !== '') organ[f] = value;
  }
  return organ;
}

function filled(organ: GuideOrgan, field: GuideField): string {
  return (organ[field] ?? '').trim();
}

function contactLines(organ: GuideOrgan): { label: string; text: string }[] {
  const lines: [string, string][] = [
    ['受理机构', filled(organ, 'office') || organ.name],
    ['办公地址', organ.address],
    ['邮政编码', filled(organ, 'postalCode')],
    ['办公时间', filled(organ, 'officeHours')],
    ['联系电话', organ.contactPhone],
    ['传真', filled(organ, 'fax')],
    ['电子邮箱', filled(organ, 'email')],
    ['网址', filled(organ, 'website')],
  ];
  return lines.filter(([, text]) => text.trim() !== '').map(([label, text]) => ({ label, text: text.trim() }));
}

export function publicationGuide(organ: GuideOrgan, options: GuideOptions = {}): PublicationGuide {
  const categories = options.categories ?? [...ARTICLE_21, ...ARTICLE_20];
  const app = options.miniProgramName ?? `${organ.name}政务公开`;
  const office = filled(organ, 'office') || organ.name;
  const post = [organ.address, filled(organ, 'postalCode')].filter(Boolean).join('，邮编 ');
  const sections: GuideSection[] = [
    {
      heading: '一、主动公开',
      blocks: [
        {
          heading: '（一）公开的范围',
          paragraphs: [
            `${organ.name}依照《中华人民共和国政府信息公开条例》第二十条、第二十一条主动公开下列政府信息，` +
              '公开目录按以下类别编排，每条信息列明索引号、名称、内容概述和生成日期：',
          ],
          list: categories.map((c, i) => ({ label: `${i + 1}. ${c.label}`, text: c.article })),
        },
        {
          heading: '（二）公开的方式',
          paragraphs: [
            `通过政府网站的政府信息公开专栏${filled(organ, 'website') ? `（${filled(organ, 'website')}）` : ''}、` +
              `“${app}”微信小程序、公开目录以及政务服务场所等方式公开。`,
          ],
        },
        {
          heading: '（三）公开的时限',
          paragraphs: [
            '属于主动公开范围的政府信息，自该信息形成或者变更之日起 20 个工作日内予以公开（条例第二十六条）。',
          ],
        },
      ],
    },
    {
      heading: '二、依申请公开',
      blocks: [
        { heading: '（一）受理机构', paragraphs: [], list: contactLines(organ) },
        {
          heading: '（二）申请方式',
          paragraphs: [
            (options.inMiniProgram
              ? '1. 网上申请：在本小程序的“依申请”页填写申请表；'
              : `1. 网上申请：在微信中打开“${app}”小程序（${options.withQrCode ? '扫描本指南所附二维码' : '在微信中搜索小程序名称'}），进入“依申请”填写申请表；`) +
              '提交后取得申请编号和查询码，可随时查询办理进度和答复。',
            `2. 信函申请：将申请表寄至 ${post || organ.address}，${office}收，请在信封左下角注明“政府信息公开申请”。`,
            `3. 当面申请：${filled(organ, 'officeHours') ? `在办公时间（${filled(organ, 'officeHours')}）` : ''}到${office}填写申请表，工作人员可协助填写。`,
            '申请应当采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由工作人员代为填写（条例第二十九条）。',
          ],
        },
        {
          heading: '（三）申请内容',
          paragraphs: [
            '申请书应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；' +
              '申请公开的政府信息的形式要求，包括获取信息的方式、途径（条例第二十九条）。申请内容不明确的，将一次性告知补正（条例第三十条）。',
          ],
        },
        {
          heading: '（四）答复期限',
          paragraphs: [
            '能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；需要延长答复期限的，' +
              '经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日（条例第三十三条）。' +
              '收到申请的日期：当面提交的为提交之日，邮寄的为签收之日，网上提交的为双方确认之日（条例第三十一条）。',
          ],
        },
        {
          heading: '（五）收费',
          paragraphs: [
            '提供政府信息不收取费用。申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》' +
              '（国办函〔2020〕109号）收取信息处理费（条例第四十二条）。',
          ],
        },
      ],
    },
    {
      heading: '三、监督和救济',
      blocks: [
        {
          paragraphs: [
            '公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，' +
              '也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。',
          ],
        },
      ],
    },
  ];
  return {
    title: `${organ.name}政府信息公开指南`,
    organ: organ.name,
    sections,
    missing: OPTIONAL.filter((f) => filled(organ, f) === ''),
  };
}
