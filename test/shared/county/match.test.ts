/** Which organ under a county a pasted report is of (shared/county/match.ts): keys, aliases, never a guess. */
import { matchOrgan } from '../../../shared/county/match';

const ORGANS = [
  { id: 'a', name: '扎毛乡人民政府', aliases: [] },
  { id: 'b', name: '多哇镇人民政府', aliases: ['多哇乡'] },
  { id: 'c', name: '同仁市财政局', aliases: [] },
];

it('matches names after normalisation: 人民政府/政府, a parent prefix, markup', () => {
  expect(matchOrgan('扎毛乡', ORGANS)).toEqual({ id: 'a', by: 'name' });
  expect(matchOrgan('同仁市扎毛乡人民政府', ORGANS)).toEqual({ id: 'a', by: 'name' });
  expect(matchOrgan('**扎毛乡政府**', ORGANS)).toEqual({ id: 'a', by: 'name' });
  // A department by the name its report's title gives.
  expect(matchOrgan('财政局', ORGANS)).toEqual({ id: 'c', by: 'name' });
});

it('follows the aliases the county set', () => {
  expect(matchOrgan('多哇乡人民政府', ORGANS)).toEqual({ id: 'b', by: 'alias' });
});

it('says nothing rather than guess: an unknown organ, an unread name, two candidates', () => {
  expect(matchOrgan('曲库乎乡人民政府', ORGANS)).toBeNull();
  expect(matchOrgan('未识别机关', ORGANS)).toBeNull();
  const twins = [...ORGANS, { id: 'd', name: '扎毛乡政府', aliases: [] }];
  expect(matchOrgan('扎毛乡', twins)).toBeNull();
});
