/**
 * 工作日历: what the built-in data covers and what the organ entered, a year's holiday ranges and 调休 working days
 * entered with date pickers (rows added and removed) and saved whole, the shared schema's errors on their rows,
 * read-only for staff who are not the admin.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { CalendarData } from '../../../miniprogram/staff/pages/calendar/index';

const ROUTE = 'staff/pages/calendar/index';
const OFFICIAL = Array.from({ length: 23 }, (_, i) => 2004 + i);

function calendarStore(years: Record<string, { holidays: string[]; workdays: string[] }> = {}) {
  let calendar = { years };
  const handlers: Record<string, Handler> = {
    'organ.me': me('admin'),
    'requests.getCalendar': () => ({ ok: true, data: { calendar, officialYears: OFFICIAL } }),
    'requests.setCalendar': (p) => {
      calendar = p.calendar as typeof calendar;
      return { ok: true, data: { calendar } };
    },
  };
  return { handlers };
}

async function open(): Promise<RenderedPage<CalendarData>> {
  const page = openPage<CalendarData>(ROUTE);
  await flush();
  return page;
}

async function pick(page: RenderedPage<CalendarData>, selector: string, value: string | number): Promise<void> {
  find(page, selector).dispatchEvent('change', { detail: { value } });
  await flush();
}

async function chooseYear(page: RenderedPage<CalendarData>, year: number): Promise<void> {
  await pick(page, '#year', page.data.years.indexOf(year));
  expect(page.data.year).toBe(year);
}

describe('工作日历', () => {
  beforeEach(() => useMemoryStorage());

  it('says why, shows what is covered, and saves a year entered as ranges and 调休 days', async () => {
    const fake = routeTransport(calendarStore().handlers);
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#why')).toContain('放假安排');
    expect(textOf(page, '#official')).toBe('2004–2026年');
    expect(textOf(page, '#own-empty')).toBe('本机关尚未录入任何年份');
    expect(page.data.yearLabels[page.data.years.indexOf(2027)]).toBe('2027年（尚未覆盖）');
    await chooseYear(page, 2027);

    await tap(page, '#add-holiday');
    await pick(page, '#holiday-0-start', '2027-01-01');
    // A one-day holiday: the end followed the start.
    expect(page.data.holidays[0]).toMatchObject({ start: '2027-01-01', end: '2027-01-01' });
    await tap(page, '#add-holiday');
    await pick(page, '#holiday-1-start', '2027-02-05');
    await pick(page, '#holiday-1-end', '2027-02-11');
    expect(textOf(page, '#holiday-1')).toContain('2月5日至2月11日（7天）');
    await tap(page, '#add-holiday');
    await tap(page, '#remove-holiday-2');
    await tap(page, '#add-workday');
    await pick(page, '#workday-0-date', '2027-02-14');

    await tapButton(page, '#save');
    expect(fake.payloads('requests.setCalendar')).toEqual([
      {
        calendar: {
          years: {
            '2027': {
              holidays: [
                '2027-01-01',
                '2027-02-05',
                '2027-02-06',
                '2027-02-07',
                '2027-02-08',
                '2027-02-09',
                '2027-02-10',
                '2027-02-11',
              ],
              workdays: ['2027-02-14'],
            },
          },
        },
      },
    ]);
    expect(textOf(page, '#notice')).toContain('已保存 2027 年工作日历');
    expect(textOf(page, '#own-2027')).toContain('放假 8 天，调休上班 1 天');
    expect(page.data.yearLabels[page.data.yearIndex]).toBe('2027年（本机关已录入）');
  });

  it('shows the shared schema’s errors on their rows and sends nothing', async () => {
    const fake = routeTransport(calendarStore().handlers);
    const page = await open();
    await chooseYear(page, 2027);
    await tapButton(page, '#save');
    expect(textOf(page, '#error-year')).toBe('放假日期至少填写一天：每年都有法定节假日');

    await tap(page, '#add-holiday');
    await pick(page, '#holiday-0-start', '2027-05-01');
    await pick(page, '#holiday-0-end', '2027-05-03');
    await tap(page, '#add-holiday');
    await pick(page, '#holiday-1-start', '2027-10-07');
    await pick(page, '#holiday-1-end', '2027-10-01');
    await tap(page, '#add-workday');
    await pick(page, '#workday-0-date', '2027-05-02');
    await tapButton(page, '#save');
    expect(textOf(page, '#error-holiday-1')).toBe('结束日期不能早于开始日期');

    await pick(page, '#holiday-1-end', '2027-10-08');
    expect(page.querySelector('#error-holiday-1')).toBeUndefined();
    await tapButton(page, '#save');
    expect(textOf(page, '#error-workday-0')).toBe('2027-05-02 同时填为放假日期和调休上班日期');
    expect(fake.payloads('requests.setCalendar')).toEqual([]);

    await tap(page, '#remove-workday-0');
    await tapButton(page, '#save');
    expect(fake.payloads('requests.setCalendar')).toHaveLength(1);
  });

  it('opens an entered year as its ranges, and shows the server refusing', async () => {
    const store = calendarStore({
      '2027': {
        holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
        workdays: ['2027-09-26'],
      },
    });
    routeTransport({
      ...store.handlers,
      'requests.setCalendar': () => ({ ok: false, code: 'FORBIDDEN', message: '无权执行此操作' }),
    });
    const page = await open();
    expect(textOf(page, '#own-2027')).toContain('放假 7 天，调休上班 1 天');
    await chooseYear(page, 2027);
    expect(page.data.holidays.map((h) => [h.start, h.end])).toEqual([['2027-10-01', '2027-10-07']]);
    expect(page.data.workdays.map((w) => w.date)).toEqual(['2027-09-26']);
    await tapButton(page, '#save');
    expect(textOf(page, '#notice')).toBe('无权执行此操作');
  });

  it('is read-only for staff who are not the admin', async () => {
    const fake = routeTransport({ ...calendarStore().handlers, 'organ.me': me('editor') });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(page.querySelector('#save')).toBeUndefined();
    expect(page.querySelector('#add-holiday')).toBeUndefined();
    expect(textOf(page, '#read-only')).toContain('管理员');
    expect(fake.actions()).toEqual(['organ.me', 'requests.getCalendar']);
  });
});
