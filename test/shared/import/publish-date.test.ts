import { publishDateIn } from '../../../shared/import/publish-date';

describe('publishDateIn: the date a past report was published, from its own text', () => {
  it('reads a web page’s 发布时间 line and the 落款 date under the signature', () => {
    expect(publishDateIn('标题\n发布时间:2025-01-16 来源：本站\n正文……', 2024)).toBe('2025-01-16');
    expect(publishDateIn('正文……六、其他需要报告的事项\n无。\n\n某某镇人民政府\n2024 年 1 月 9 日\n', 2023)).toBe(
      '2024-01-09',
    );
  });

  it('takes no date from the narrative, of another year, or that does not exist', () => {
    // 统计期限 2023 年 1 月 1 日至 12 月 31 日: the report's own year, not its publication.
    expect(publishDateIn('本年度报告中使用数据统计期限为 2023 年 1 月 1 日至 12 月 31 日。\n正文。', 2023)).toBeNull();
    expect(publishDateIn('正文。\n某某镇人民政府\n2030年1月9日', 2023)).toBeNull();
    expect(publishDateIn('发布日期：2024-02-30\n正文。', 2023)).toBeNull();
    // A date far from the end is not a signature.
    expect(publishDateIn(`2024年1月9日\n${'正文。'.repeat(200)}`, 2023)).toBeNull();
  });
});
