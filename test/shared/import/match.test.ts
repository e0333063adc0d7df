import { assignRows, segments, splitOverflow } from '../../../shared/import/assign';
import { dice, rowSpec, scoreRows, similarity } from '../../../shared/import/match';
import { labelKey, stripNumbering, chineseYear } from '../../../shared/import/normalize';
import { tableTokens } from '../../../shared/import/tokens';

describe('labels', () => {
  it('normalises numbering, notes, punctuation, spaces and known typos', () => {
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(labelKey('5. 要求行政机关确认或重新出具以获取信息')).toBe('要求行政机关确认或重新出具已获取信息');
    expect(labelKey('三、本年度 办理结果')).toBe('本年度办理结果');
    expect(labelKey('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
    expect(stripNumbering('(三)1.属于国家秘密')).toBe('属于国家秘密');
    expect(chineseYear('二〇二三')).toBe(2023);
    expect(chineseYear('二零二四')).toBe(2024);
    expect(chineseYear('二〇二')).toBeNull();
    expect(chineseYear('abcd')).toBeNull();
  });

  it('scores exact, contained, cut-short and misspelt labels', () => {
    expect(similarity('属于国家秘密', '属于国家秘密')).toBe(1);
    expect(similarity('不予公开予以公开', '予以公开')).toBeGreaterThan(0.8);
    expect(
      similarity(
        '申请人逾期未按收费通知要求缴纳费用',
        labelKey('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
      ),
    ).toBeGreaterThan(0.6);
    expect(similarity('本机关不掌握有关政府信息', '本机关不掌握相关政府信息')).toBeGreaterThan(0.7);
    expect(similarity('法人或其他组织', '其他')).toBe(0);
    expect(similarity('', '其他')).toBe(0);
    expect(dice('a', 'b')).toBe(0);
  });
});

const ROWS = [
  rowSpec('r1', '1.甲乙丙丁', ['r1.a', 'r1.b']),
  rowSpec('r2', '2.戊己庚辛', ['r2.a', 'r2.b']),
  rowSpec('r3', '3.其他', ['r3.a', 'r3.b']),
];
const lines = (...texts: string[]) => texts.map((text, line) => ({ text, line }));
const assigned = (...texts: string[]) => {
  const segs = splitOverflow(segments(tableTokens(lines(...texts))), {
    width: () => 2,
    fits: (_, v) => v[0]?.kind === 'num' && v[0].value === 1 && v[1]?.kind === 'num',
  });
  return Object.fromEntries(
    [...assignRows(segs, ROWS)].map(([k, s]) => [k, s.values.map((v) => (v.kind === 'num' ? v.value : '?')).join(' ')]),
  );
};

describe('assignRows', () => {
  it('matches rows by label, a short label only exactly and in order', () => {
    expect(assigned('其他 甲乙', '甲乙丙丁 1 2', '戊己庚辛 3 4', '3. 其他 5 6')).toEqual({
      r1: '1 2',
      r2: '3 4',
      r3: '5 6',
    });
  });

  it('gives a row whose label was garbled the one row left in its gap', () => {
    expect(assigned('甲乙丙丁 1 2', '＃＃ 3 4', '其他 5 6')).toEqual({ r1: '1 2', r2: '3 4', r3: '5 6' });
  });

  it('splits a run that carries a lost label’s numbers', () => {
    expect(assigned('甲乙丙丁 1 2 3 4', '其他 5 6')).toEqual({ r1: '1 2', r2: '3 4', r3: '5 6' });
  });

  it('keeps a row’s numbers ahead of stray ones only when the row fits them', () => {
    expect(assigned('甲乙丙丁 1 2 9', '其他 5 6')).toEqual({ r1: '1 2', r3: '5 6' });
    expect(assigned('甲乙丙丁 3 2 9', '其他 5 6')).toEqual({ r1: '', r3: '5 6' });
    expect(assigned('甲乙丙丁 1 1 2', '其他 5 6')).toEqual({ r1: '', r3: '5 6' });
  });

  it('does not guess when the gap does not match', () => {
    expect(assigned('＃＃ 1 2', '其他 5 6')).toEqual({ r3: '5 6' });
  });

  it('takes the label one cell back when a header spilled between it and its numbers', () => {
    expect(
      scoreRows(
        tableTokens(lines('戊己庚辛', '单位：件')).filter((t) => t.kind === 'text'),
        ROWS,
      )[1],
    ).toBeCloseTo(0.9);
  });

  it('does not let a row that printed no numbers take the next row’s', () => {
    expect(assigned('甲乙丙丁', '戊己口口 3 4', '其他 5 6')).toEqual({ r3: '5 6' });
    expect(assigned('甲乙丙丁', '＃＃ 3 4', '其他 5 6')).toEqual({ r3: '5 6' });
  });

  it('joins a label split over two cells', () => {
    expect(assigned('1 2', '戊己', '庚辛 3 4')).toEqual({ r1: '1 2', r2: '3 4' });
  });
});
