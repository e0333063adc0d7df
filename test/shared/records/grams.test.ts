/** Keyword search keys (shared/records/grams.ts): a keyword's pairs are among the grams of any title holding it. */
import fc from 'fast-check';
import { keywordGrams, searchGrams } from '../../../shared/records/grams';

it('breaks titles and 文号 into characters and adjacent pairs, lower-cased, split at punctuation', () => {
  expect(searchGrams('低保公示', '扎政发〔2025〕3号')).toEqual(
    expect.arrayContaining(['低', '低保', '保公', '公示', '扎政', '政发', '20', '25', '3号']),
  );
  expect(searchGrams('A-b')).toEqual(['a', 'b']);
  expect(keywordGrams('草原补奖')).toEqual(['草原', '原补', '补奖']);
  expect(keywordGrams('低')).toEqual(['低']);
  expect(keywordGrams('〔〕')).toEqual([]);
});

it('finds every title containing the keyword', () => {
  const text = fc.string({ unit: fc.constantFrom('低', '保', '公', '示', 'a', 'B', '1', ' ', '〔'), maxLength: 12 });
  fc.assert(
    fc.property(text, text, text, (before, keyword, after) => {
      const grams = new Set(searchGrams(`${before}${keyword}${after}`));
      expect(keywordGrams(keyword).every((g) => grams.has(g))).toBe(true);
    }),
  );
});
