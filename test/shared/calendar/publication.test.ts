import { createCalendar, latePublications, publicationDelay } from '../../../shared/calendar';

const cal = createCalendar();

describe('条例 第二十六条: published within 20 working days of being made', () => {
  it('counts the working days between 成文日期 and 发布日期, warning past 20', () => {
    // 2025-09-25 + 20 working days = 2025-10-29 (国庆 and 中秋 skipped, 09-28 and 10-11 worked).
    expect(publicationDelay(cal, '2025-09-25', '2025-10-29')).toEqual({
      workdays: 20,
      late: false,
      provisional: false,
    });
    const late = publicationDelay(cal, '2025-09-25', '2025-10-30');
    expect(late).toMatchObject({ workdays: 21, late: true });
    expect(late.warning).toContain('条例 第二十六条');
    expect(publicationDelay(cal, '2025-09-25', '2025-09-20').workdays).toBe(0);
  });

  it("lists the year's late items for the report builder", () => {
    const items = [
      { id: 'a', writtenDate: '2025-09-25', publishDate: '2025-10-29' },
      { id: 'b', writtenDate: '2025-09-25', publishDate: '2025-11-20' },
      { id: 'c', writtenDate: null, publishDate: '2025-11-20' },
    ];
    expect(latePublications(cal, items).map((i) => i.id)).toEqual(['b']);
  });
});
