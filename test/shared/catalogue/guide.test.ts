import { ARTICLE_20, ARTICLE_21 } from '../../../shared/catalogue/categories';
import { publicationGuide, type GuideOrgan } from '../../../shared/catalogue/guide';

const organ: GuideOrgan = {
  name: '青石镇人民政府',
  address: '某省某县青石镇人民路 1 号',
  contactPhone: '0000-1234567',
};
const texts = (g: ReturnType<typeof publicationGuide>) =>
  g.sections.flatMap((s) => [
    s.heading,
    ...s.blocks.flatMap((b) => [
      b.heading ?? '',
      ...b.paragraphs,
      ...(b.list ?? []).map((l) => `${l.label}：${l.text}`),
    ]),
  ]);

describe('publicationGuide (条例 第十二条)', () => {
  it('lists the categories in the catalogue order with their articles, and how to obtain information', () => {
    const guide = publicationGuide(organ);
    expect(guide.title).toBe('青石镇人民政府政府信息公开指南');
    const scope = guide.sections[0]?.blocks[0]?.list ?? [];
    expect(scope).toHaveLength(ARTICLE_21.length + ARTICLE_20.length);
    expect(scope[0]).toEqual({ label: '1. 农业农村政策', text: '第二十一条 贯彻落实农业农村政策' });
    const all = texts(guide).join('\n');
    for (const channel of ['网上申请', '信函申请', '当面申请']) expect(all).toContain(channel);
    expect(all).toContain('20 个工作日内答复');
    expect(all).toContain('条例第五十一条');
  });

  it('gives the office contact from the profile and names the optional fields left empty', () => {
    const bare = publicationGuide(organ);
    expect(bare.missing).toEqual(['office', 'officeHours', 'fax', 'email', 'postalCode', 'website']);
    expect(texts(bare)).toContain('受理机构：青石镇人民政府');
    expect(texts(bare).join('\n')).not.toMatch(/传真|电子邮箱|办公时间：/);
    const full = publicationGuide({
      ...organ,
      office: '青石镇党政综合办公室',
      officeHours: '工作日 8:30—12:00，14:30—18:00',
      fax: '0000-7654321',
      email: 'gk@example.gov.cn',
      postalCode: '810000',
      website: 'https://www.example.gov.cn/qsz',
    });
    expect(full.missing).toEqual([]);
    const lines = texts(full);
    expect(lines).toContain('受理机构：青石镇党政综合办公室');
    expect(lines).toContain('办公时间：工作日 8:30—12:00，14:30—18:00');
    expect(lines).toContain('传真：0000-7654321');
    expect(lines).toContain('电子邮箱：gk@example.gov.cn');
    expect(lines.join('\n')).toContain('寄至 某省某县青石镇人民路 1 号，邮编 810000，青石镇党政综合办公室收');
    expect(lines.join('\n')).toContain('（https://www.example.gov.cn/qsz）');
  });

  it('follows the profile: a changed phone shows in the next 指南', () => {
    const before = texts(publicationGuide(organ));
    const after = texts(publicationGuide({ ...organ, contactPhone: '0000-9999999' }));
    expect(before).toContain('联系电话：0000-1234567');
    expect(after).toContain('联系电话：0000-9999999');
  });
});
