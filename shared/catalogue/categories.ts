/**
 * The catalogue categories as data: 条例 第二十条 (一)–(十五), what every organ publishes, and 第二十一条, what a
 * 乡（镇）人民政府 adds. `key` is what an item stores in `category`; `label` is the short name a chip shows;
 * `article` the full wording (verify against the 条例 text, as shared/format/README says). Shared by the mini
 * program (through gongkai-core), the portal and the 政府信息公开指南.
 */
export interface Category {
  key: string;
  label: string;
  article: string;
  group: 'art20' | 'art21';
}

/** The chip that shows every category (no `category` sent). */
export const ALL_CATEGORIES = '';

export const ARTICLE_20: readonly Category[] = [
  { key: 'regulation', label: '规范性文件', article: '第二十条（一）行政法规、规章和规范性文件' },
  {
    key: 'organisation',
    label: '机构职能',
    article: '第二十条（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  },
  { key: 'planning', label: '规划计划', article: '第二十条（三）国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { key: 'statistics', label: '统计信息', article: '第二十条（四）国民经济和社会发展统计信息' },
  {
    key: 'licensing',
    label: '行政许可',
    article: '第二十条（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  },
  {
    key: 'enforcement',
    label: '处罚强制',
    article: '第二十条（六）实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定',
  },
  { key: 'finance', label: '财政预决算', article: '第二十条（七）财政预算、决算信息' },
  { key: 'fees', label: '收费项目', article: '第二十条（八）行政事业性收费项目及其依据、标准' },
  { key: 'procurement', label: '政府采购', article: '第二十条（九）政府集中采购项目的目录、标准及实施情况' },
  { key: 'construction', label: '重大建设项目', article: '第二十条（十）重大建设项目的批准和实施情况' },
  {
    key: 'livelihood',
    label: '民生政策',
    article: '第二十条（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  },
  { key: 'emergency', label: '应急管理', article: '第二十条（十二）突发公共事件的应急预案、预警信息及应对情况' },
  {
    key: 'supervision',
    label: '监督检查',
    article: '第二十条（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  },
  {
    key: 'personnel',
    label: '人事信息',
    article: '第二十条（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  },
  {
    key: 'other',
    label: '其他',
    article: '第二十条（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
  },
].map((c) => ({ ...c, group: 'art20' as const }));

export const ARTICLE_21: readonly Category[] = [
  { key: 'agriculture', label: '农业农村政策', article: '第二十一条 贯彻落实农业农村政策' },
  { key: 'irrigation', label: '农田水利', article: '第二十一条 农田水利工程建设运营' },
  { key: 'landContract', label: '土地承包流转', article: '第二十一条 农村土地承包经营权流转' },
  { key: 'homestead', label: '宅基地审核', article: '第二十一条 宅基地使用情况审核' },
  { key: 'landExpropriation', label: '土地征收', article: '第二十一条 土地征收' },
  { key: 'houseExpropriation', label: '房屋征收', article: '第二十一条 房屋征收' },
  { key: 'fundraising', label: '筹资筹劳', article: '第二十一条 筹资筹劳' },
  { key: 'assistance', label: '社会救助', article: '第二十一条 社会救助' },
].map((c) => ({ ...c, group: 'art21' as const }));

export const CATEGORIES: readonly Category[] = [...ARTICLE_21, ...ARTICLE_20];

/** Whether `key` is one of the catalogue's categories (what an item may be filed under). */
export function isCategoryKey(key: string): boolean {
  return CATEGORIES.some((c) => c.key === key);
}

/** The label of a stored key; an organ's own category shows as stored. */
export function categoryLabel(key: string): string {
  return CATEGORIES.find((c) => c.key === key)?.label ?? key;
}
