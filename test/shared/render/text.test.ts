import {
  escapeHtml,
  escapeMarkdown,
  formatCellValue,
  isSubheading,
  paragraphs,
  reportTitle,
} from '../../../shared/render';

describe('formatCellValue', () => {
  it('prints integers as they are and null as the null mark', () => {
    expect(formatCellValue(0)).toBe('0');
    expect(formatCellValue(264)).toBe('264');
    expect(formatCellValue(1200000)).toBe('1200000');
    expect(formatCellValue(null)).toBe('—');
  });

  it('prints decimals rounded to 4 places without float noise or trailing zeros', () => {
    expect(formatCellValue(0.1 + 0.2)).toBe('0.3');
    expect(formatCellValue(1.5)).toBe('1.5');
    expect(formatCellValue(0.12345)).toBe('0.1235');
    expect(formatCellValue(2.00001)).toBe('2');
    expect(formatCellValue(-0.00001)).toBe('0');
    expect(formatCellValue(Number.NaN)).toBe('NaN');
  });
});

describe('paragraphs', () => {
  it('splits on line breaks, drops blank lines and trims indentation, keeping the wording', () => {
    expect(paragraphs('　　第一段。\r\n\r\n  第二段 ，照原样 \n\n\n第三段')).toEqual([
      '第一段。',
      '第二段 ，照原样',
      '第三段',
    ]);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('escaping', () => {
  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes Markdown inline markup and line starts only', () => {
    expect(escapeMarkdown('2023 年，共 3 件。')).toBe('2023 年，共 3 件。');
    expect(escapeMarkdown('> 引用 _x_ `c` ~s~ &amp;')).toBe('\\> 引用 \\_x\\_ \\`c\\` \\~s\\~ \\&amp;');
    expect(escapeMarkdown('+ 项')).toBe('\\+ 项');
    expect(escapeMarkdown('3) 项')).toBe('3\\) 项');
  });

  it('builds the official title', () => {
    expect(reportTitle('扎毛乡', 2023)).toBe('扎毛乡2023年政府信息公开工作年度报告');
  });
});

describe('isSubheading', () => {
  it('takes short numbered lines without a sentence end as sub-headings', () => {
    expect(isSubheading('（一）及时主动公开')).toBe(true);
    expect(isSubheading('(三)政府信息管理情况')).toBe(true);
    expect(isSubheading('（一）全年主动公开政府信息 264 条。')).toBe(false);
    expect(isSubheading('一是扎毛乡成立了领导小组')).toBe(false);
    expect(isSubheading(`（二）${'很长的一段文字'.repeat(5)}`)).toBe(false);
  });
});
