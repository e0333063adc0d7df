/**
 * chinese-days' data as the function bundles carry it (scripts/build-functions/compact-calendar): the compact
 * module rebuilds the package's very JSON, and the working-day calendar bundled through it answers as the
 * calendar over the JSON does.
 */
import official from 'chinese-days/dist/chinese-days.json';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { bundleEntry } from '../../../scripts/build-functions';
import { compactModule, evaluate } from '../../../scripts/build-functions/compact-calendar';
import * as source from '../../../shared/calendar/calendar';
import { addDays } from '../../../shared/calendar';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'dist/.test-bundles/compact-calendar');

it('rebuilds the package JSON exactly, keys in order, in a sixth of its size', () => {
  const code = compactModule(official);
  expect(code).not.toBeNull();
  const rebuilt = evaluate(code ?? '');
  expect(rebuilt).toEqual(official);
  expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(official));
  expect((code ?? '').length).toBeLessThan(JSON.stringify(official).length / 6);
});

it('keeps runs apart where the name changes or a day is skipped, and gives up on data of another shape', () => {
  const data = {
    holidays: { '2026-12-31': 'A', '2027-01-01': 'A', '2027-01-02': 'B', '2027-01-04': 'B', '2027-03-01': 'A' },
    workdays: {},
  };
  const code = compactModule(data);
  expect(code).toContain('"2026123102 202701021 202701041 202703010"');
  expect(evaluate(code ?? '')).toEqual(data);
  expect(compactModule({ holidays: { '2026-1-1': 'A' } })).toBeNull();
  expect(compactModule({ holidays: { '2026-01-01': 1 } })).toBeNull();
  expect(compactModule({ holidays: ['2026-01-01'] })).toBeNull();
  const many = Object.fromEntries(Array.from({ length: 37 }, (_, i) => [addDays('2026-01-01', 2 * i), `n${i}`]));
  expect(compactModule({ holidays: many })).toBeNull();
});

it('the calendar bundled over the compact data answers every day as over the package JSON', async () => {
  const file = path.join(OUT, 'calendar.js');
  await bundleEntry(path.join(ROOT, 'shared/calendar/calendar.ts'), file, 'external');
  expect(readFileSync(file, 'utf8')).not.toContain('"2026-10-01"');
  const bundled = require(file) as typeof source;
  expect([...bundled.OFFICIAL_YEARS]).toEqual([...source.OFFICIAL_YEARS]);
  const [fromBundle, fromSource] = [bundled.createCalendar(), source.createCalendar()];
  const differ: string[] = [];
  for (let d = '2003-12-25'; d <= '2027-01-10'; d = addDays(d, 1)) {
    if (JSON.stringify(fromBundle.isWorkday(d)) !== JSON.stringify(fromSource.isWorkday(d))) differ.push(d);
  }
  expect(differ).toEqual([]);
  expect(fromBundle.addWorkdays('2026-09-28', 20)).toEqual(fromSource.addWorkdays('2026-09-28', 20));
  expect(fromBundle.isWorkday('2026-10-01')).toMatchObject({ workday: false, name: '国庆节' });
});
