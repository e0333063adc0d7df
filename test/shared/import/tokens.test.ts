import { lineTokens, tableTokens } from '../../../shared/import/tokens';

const show = (line: string) =>
  lineTokens(line, 0).map((t) =>
    t.kind === 'text'
      ? `[${t.text}]`
      : t.kind === 'num'
        ? String(t.value)
        : t.kind === 'marker'
          ? `<${t.raw}>`
          : t.lead
            ? '^'
            : '_',
  );

describe('tokens', () => {
  it('splits tab-separated cells, keeping blanks only between values', () => {
    expect(show('\t(七) 总计\t\t1\t\t2\t—\t')).toEqual(['[(七) 总计]', '1', '_', '2', '<—>']);
  });

  it('splits space-separated cells and keeps a label with inner spaces whole', () => {
    expect(show('(四) 无法 提供 1. 本机关不掌握相关政府信息 1,234 0.5 无 /')).toEqual([
      '[(四) 无法 提供 1. 本机关不掌握相关政府信息]',
      '1234',
      '0.5',
      '0',
      '</>',
    ]);
  });

  it('normalises full-width digits and punctuation', () => {
    expect(show('（一）予以公开　１２　０')).toEqual(['[(一)予以公开]', '12', '0']);
  });

  it('parts a label glued to its first number', () => {
    expect(show('规章0 0 0')).toEqual(['[规章]', '0', '0', '0']);
    expect(show('(七)总计12')).toEqual(['[(七)总计]', '12']);
    expect(show('1.属于国家秘密')).toEqual(['[1.属于国家秘密]']);
  });

  it('treats runs of two or more spaces as cell breaks', () => {
    expect(show('规章  0  0  0')).toEqual(['[规章]', '0', '0', '0']);
  });

  it('streams the lines of a table in order', () => {
    expect(
      tableTokens([
        { text: '规章', line: 1 },
        { text: '0 0', line: 2 },
      ]).map((t) => t.line),
    ).toEqual([1, 2, 2]);
  });
});

describe('a vertical group label a PDF gives one character a line', () => {
  const stream = (...texts: string[]) =>
    tableTokens(texts.map((text, line) => ({ text, line }))).map((t) =>
      t.kind === 'text' ? `[${t.text}]` : t.kind === 'num' ? String(t.value) : t.kind,
    );

  it('reads “无” between single characters as a character of the label (办 / 无 / 理 / 法), not 0', () => {
    expect(stream('2.没有现成信息需要另行制作', '办', '无', '理', '法 6 1 3 5 7 2 24')).toEqual([
      '[2.没有现成信息需要另行制作]',
      '[办]',
      '[无]',
      '[理]',
      '[法]',
      ...['6', '1', '3', '5', '7', '2', '24'],
    ]);
  });

  it('still reads “无” as 0 in a row, or in a cell a line under a label', () => {
    expect(stream('规章 无 无 无')).toEqual(['[规章]', '0', '0', '0']);
    expect(stream('规章', '无', '无', '无')).toEqual(['[规章]', '0', '0', '0']);
  });
});
