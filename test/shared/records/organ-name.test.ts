import { groupOrganNames, normaliseOrganName, sameOrgan, UNKNOWN_ORGAN } from '../../../shared/records/organ-name';

describe('normaliseOrganName', () => {
  it('drops spaces, markup and the government suffix', () => {
    for (const name of [
      '扎毛乡人民政府',
      '扎毛乡',
      ' 扎毛乡 政府 ',
      '**扎毛乡人民政府**',
      '# 扎毛乡',
      '《扎毛乡人民政府》',
      '<b>扎毛乡</b>',
      '2023年扎毛乡',
    ])
      expect(normaliseOrganName(name)).toBe('扎毛乡');
  });

  it('drops a parent prefix: 某某市某某县某某乡人民政府 ≈ 某某乡人民政府', () => {
    expect(normaliseOrganName('某某市某某县某某乡人民政府')).toBe('某某乡');
    expect(normaliseOrganName('青禾县扎毛乡')).toBe('扎毛乡');
    expect(normaliseOrganName('铜仁市碧江区灯塔街道办事处')).toBe('灯塔街道');
    expect(normaliseOrganName('某某自治县某某镇')).toBe('某某镇');
    // A one-character name before two units is one place.
    expect(normaliseOrganName('苏州市吴中区人民政府')).toBe('吴中区');
    expect(normaliseOrganName('青禾县新市镇人民政府')).toBe('新市镇');
  });

  it('keeps a department’s own county: without it, it would be any county’s 财政局', () => {
    expect(normaliseOrganName('某某县财政局')).toBe('某某县财政局');
    expect(normaliseOrganName('某某市某某县财政局')).toBe('某某县财政局');
    expect(normaliseOrganName('某某县人民政府办公室')).toBe(normaliseOrganName('某某县政府办公室'));
    // Words that end in a unit character are part of the department's name, not a place.
    expect(normaliseOrganName('某某区城市管理局')).toBe('某某区城市管理局');
    expect(normaliseOrganName('某某县住房和城乡建设局')).toBe('某某县住房和城乡建设局');
    expect(normaliseOrganName('某某市市场监督管理局')).toBe('某某市市场监督管理局');
    expect(normaliseOrganName('某某县乡村振兴局')).toBe('某某县乡村振兴局');
  });

  it('applies aliases, both sides normalised, chains followed and loops stopped', () => {
    const aliases = { 城关镇人民政府: '城关街道办事处', 老城街道: '城关镇' };
    expect(normaliseOrganName('青禾县城关镇', aliases)).toBe('城关街道');
    expect(normaliseOrganName('老城街道办事处', aliases)).toBe('城关街道');
    expect(normaliseOrganName('甲乡', { 甲乡: '乙乡', 乙乡: '甲乡' })).toBe('乙乡');
    expect(normaliseOrganName('城关镇')).toBe('城关镇');
  });

  it('gives an unread name the empty key', () => {
    expect(normaliseOrganName(UNKNOWN_ORGAN)).toBe('');
    expect(normaliseOrganName('  ')).toBe('');
    // Pronouns and sentence starts a reader took for a name would join different organs into one.
    for (const name of ['我局', '我乡', '本镇', '我单位', '根据中华人民共和国'])
      expect(normaliseOrganName(name)).toBe('');
    expect(normaliseOrganName('为民镇')).toBe('为民镇');
  });
});

describe('sameOrgan', () => {
  it('matches by key, a key ending in the other, and an unread name; not two places', () => {
    expect(sameOrgan('扎毛乡人民政府', '青禾县扎毛乡')).toBe(true);
    expect(sameOrgan('财政局', '某某县财政局')).toBe(true);
    expect(sameOrgan(UNKNOWN_ORGAN, '某某乡')).toBe(true);
    expect(sameOrgan('甲乡人民政府', '乙乡人民政府')).toBe(false);
    expect(sameOrgan('城关镇', '城关街道')).toBe(false);
    expect(sameOrgan('城关镇', '城关街道', { 城关镇: '城关街道' })).toBe(true);
  });
});

describe('groupOrganNames', () => {
  it('joins a department named without its place to the one organ it can be, and no other', () => {
    expect(groupOrganNames(['某某县财政局', '财政局', '青禾县扎毛乡', '扎毛乡人民政府', '未识别机关'])).toEqual([
      '某某县财政局',
      '某某县财政局',
      '扎毛乡',
      '扎毛乡',
      '',
    ]);
    // Two counties' 财政局: a bare 财政局 could be either, so it stays itself.
    expect(groupOrganNames(['甲县财政局', '乙县财政局', '财政局'])[2]).toBe('财政局');
    // Places are never joined by their ending: 城关镇 is not 东城关镇.
    expect(groupOrganNames(['东城关镇', '城关镇'])).toEqual(['东城关镇', '城关镇']);
  });
});
