/**
 * items.list pages by cursor: every item once, in the catalogue's order, across ties of the publish date (and of
 * the edit time for staff), with `more` and `cursor` agreeing and no total counted; a keyword narrows across pages;
 * a cursor that is not one of ours is refused naming the field. The items are written straight to the store (as
 * the functions store them) so the test pages through 130 of them without publishing each through the chain.
 */
import { COLLECTIONS } from '../../../backend/collections';
import { searchGrams } from '../../../shared/records/grams';
import { seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b, '-paging');
});
afterAll(() => b.stop());

const PUBLISHED = 130;
const DRAFTS = 12;
/** Three publish dates only, so most pages end inside a run of the same date. */
const dateOf = (i: number) => `2026-0${1 + (i % 3)}-15`;

function stored(i: number, status: 'published' | 'draft'): Record<string, unknown> {
  const title = i % 10 === 0 ? `低保公示 第${i}期` : `工作动态 ${i}`;
  const published = status === 'published';
  return {
    // Ids in no relation to the dates: the order comes from the sort, not the insertion.
    _id: `pg-${status}-${String((i * 37) % 1000).padStart(3, '0')}`,
    organId: o.organId,
    title,
    grams: searchGrams(title),
    publisher: '扎毛乡人民政府',
    writtenDate: '2026-01-01',
    category: 'agriculture',
    disclosureMode: '主动公开',
    scope: '面向社会',
    validity: null,
    body: `${title}的正文。`,
    attachments: [],
    status,
    indexNo: published ? `idx-${i}` : null,
    publishedDate: published ? dateOf(i) : null,
    ...(published ? { publishYear: 2026 } : {}),
    version: 1,
    createdBy: 'staff-x',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    // Drafts: four share each edit time.
    updatedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 4))),
  };
}

interface Page {
  items: { id: string; title: string; publishedDate: string | null }[];
  more: boolean;
  cursor: string | null;
}

/** Every page of a list, by cursor; the pages' answers. */
async function allPages(openid: string | null, query: Record<string, unknown>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await b.ok<Page>(openid, 'items', 'list', { ...query, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.cursor;
    if (pages.length > 50) throw new Error('paging does not end');
  } while (cursor !== null);
  return pages;
}

beforeAll(async () => {
  const docs = [
    ...Array.from({ length: PUBLISHED }, (_, i) => stored(i, 'published')),
    ...Array.from({ length: DRAFTS }, (_, i) => stored(i, 'draft')),
  ];
  await b.db.collection(COLLECTIONS.items).add(docs);
});

describe('items.list by cursor', () => {
  it('gives a citizen every published item once, newest first and by id within a date, 20 a page', async () => {
    const pages = await allPages(null, { organId: o.organId, pageSize: 20 });
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 20, 20, 20, 20, 10]);
    expect(pages.map((p) => p.more)).toEqual([true, true, true, true, true, true, false]);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(PUBLISHED);
    const expected = Array.from({ length: PUBLISHED }, (_, i) => stored(i, 'published'))
      .sort((x, y) =>
        x.publishedDate === y.publishedDate
          ? String(y._id).localeCompare(String(x._id))
          : String(y.publishedDate).localeCompare(String(x.publishedDate)),
      )
      .map((d) => d._id);
    expect(ids).toEqual(expected);
  });

  it('says there is no more exactly when the last page is full', async () => {
    const pages = await allPages(null, { organId: o.organId, pageSize: 26 });
    expect(pages.map((p) => [p.items.length, p.more])).toEqual([
      [26, true],
      [26, true],
      [26, true],
      [26, true],
      [26, false],
    ]);
  });

  it('narrows by keyword across pages', async () => {
    const pages = await allPages(null, { organId: o.organId, keyword: '低保', pageSize: 5 });
    const titles = pages.flatMap((p) => p.items.map((i) => i.title));
    expect(titles).toHaveLength(PUBLISHED / 10);
    expect(titles.every((t) => t.includes('低保'))).toBe(true);
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 3]);
  });

  it('gives staff every item of the organ once: published newest first, then drafts by latest edit', async () => {
    const pages = await allPages(o.editor, { pageSize: 7 });
    const items = pages.flatMap((p) => p.items);
    expect(new Set(items.map((i) => i.id)).size).toBe(PUBLISHED + DRAFTS);
    const drafts = items.slice(PUBLISHED).map((i) => i.id);
    const expected = Array.from({ length: DRAFTS }, (_, i) => stored(i, 'draft'))
      .sort((x, y) => {
        const byEdit = (y.updatedAt as Date).getTime() - (x.updatedAt as Date).getTime();
        return byEdit !== 0 ? byEdit : String(y._id).localeCompare(String(x._id));
      })
      .map((d) => d._id);
    expect(drafts).toEqual(expected);
    expect(items.slice(PUBLISHED).every((i) => i.publishedDate === null)).toBe(true);
  });

  it('refuses a cursor that is not one of its own, naming the field', async () => {
    const first = await b.ok<Page>(o.editor, 'items', 'list', { pageSize: 5 });
    for (const cursor of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url'), first.cursor]) {
      // A staff cursor (three keys) does not fit a citizen's list (two).
      expect(await b.call(null, 'items', 'list', { organId: o.organId, cursor })).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fieldErrors: [{ path: 'cursor' }],
      });
    }
    const bad = await b.call(null, 'items', 'list', { pageSize: 500 });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'pageSize' }] });
  });
});
