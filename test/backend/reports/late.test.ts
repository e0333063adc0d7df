/**
 * 条例 第二十六条: reports.latePublications: the year's items published more than 20 working days after 成文日期,
 * on the organ's own calendar, counted as the report counts items (withdrawn ones too, corrections not again, other
 * years and other organs not at all), most late first; and items.publicationDelay, the item editor's count from 成文日期 to today. Staff only.
 */
import { seedOrgan, startBackend, type Backend } from '../harness';
import { COLLECTIONS } from '../../../backend/collections';
import { createCalendar } from '../../../shared/calendar';
import type { LatePublication } from '../../../shared/api/reports';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
let other: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
  other = await seedOrgan(b, 'B');
}, 60_000);
afterAll(() => b.stop());

const cal = createCalendar();

async function item(organId: string, title: string, writtenDate: string, publishedDate: string, extra = {}) {
  const now = new Date();
  await b.db.collection(COLLECTIONS.items).add({
    organId,
    title,
    publisher: '扎毛乡人民政府',
    category: 'agriculture',
    body: '正文',
    writtenDate,
    publishedDate,
    publishYear: Number(publishedDate.slice(0, 4)),
    status: 'published',
    indexNo: `ZM-${title}`,
    version: 1,
    step: null,
    createdBy: 's-1',
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
}

describe('reports.latePublications', () => {
  it('lists the year’s late items with their working days, most late first, and nothing else', async () => {
    // 2025-03-03 + 20 working days = 2025-03-31: published that day is in time, the day after is late.
    expect(cal.addWorkdays('2025-03-03', 20).date).toBe('2025-03-31');
    await item(o.organId, '按时', '2025-03-03', '2025-03-31');
    await item(o.organId, '晚一天', '2025-03-03', '2025-04-01');
    await item(o.organId, '晚很久', '2025-01-02', '2025-06-30');
    await item(o.organId, '已撤回', '2025-01-02', '2025-04-30', { status: 'withdrawn' });
    await item(o.organId, '更正版', '2025-01-02', '2025-05-30', { correctionOf: 'x' });
    await item(o.organId, '去年', '2024-01-02', '2024-06-30');
    await item(other.organId, '他机关', '2025-01-02', '2025-06-30');

    const late = await b.ok<LatePublication[]>(o.editor, 'reports', 'latePublications', { year: 2025 });
    expect(late.map((l) => l.title)).toEqual(['晚很久', '已撤回', '晚一天']);
    expect(late[2]).toEqual({
      id: expect.any(String) as unknown,
      title: '晚一天',
      indexNo: 'ZM-晚一天',
      writtenDate: '2025-03-03',
      publishedDate: '2025-04-01',
      workdays: 21,
      provisional: false,
    });
    expect(late[0]?.workdays).toBe(cal.workdaysBetween('2025-01-02', '2025-06-30').count);
  });

  it('counts on the organ’s own calendar', async () => {
    // A local holiday inside the period pushes the 20th working day on: in time after all.
    await b.ok(other.admin, 'requests', 'setCalendar', {
      calendar: { years: { '2025': { holidays: ['2025-03-10'], workdays: [] } } },
    });
    await item(other.organId, '当地假日', '2025-03-03', '2025-04-01');
    const late = await b.ok<LatePublication[]>(other.editor, 'reports', 'latePublications', { year: 2025 });
    expect(late.map((l) => l.title)).toEqual(['他机关']);
  });

  it('answers staff only', async () => {
    expect(await b.call('oCitizenX', 'reports', 'latePublications', { year: 2025 })).toMatchObject({ ok: false });
  });
});

describe('items.publicationDelay', () => {
  it('counts the working days from 成文日期 to today on the organ’s calendar, with the last day and the warning', async () => {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
    const longAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace('-02-29', '-02-28');
    const late = await b.ok<{ workdays: number; late: boolean; lastDay: string; warning: string | null }>(
      o.editor,
      'items',
      'publicationDelay',
      { writtenDate: longAgo },
    );
    expect(late.workdays).toBe(cal.workdaysBetween(longAgo, today).count);
    expect(late.late).toBe(true);
    expect(late.lastDay).toBe(cal.addWorkdays(longAgo, 20).date);
    expect(late.warning).toContain('超过条例 第二十六条规定的 20 个工作日');
    const inTime = await b.ok<{ workdays: number; late: boolean; warning: string | null }>(
      o.editor,
      'items',
      'publicationDelay',
      { writtenDate: today },
    );
    expect(inTime).toMatchObject({ workdays: 0, late: false, warning: null });
    expect(await b.call('oCitizenX', 'items', 'publicationDelay', { writtenDate: today })).toMatchObject({ ok: false });
  });
});
