/** Requests for the tests, built through the public API (schema → create → applyAction). */
import { createCalendar } from '../../../shared/calendar';
import {
  applyAction,
  createFromStaffEntry,
  parseStaffEntry,
  type InfoRequest,
  type RequestAction,
  type StaffEntryInput,
} from '../../../shared/requests';

export const cal = createCalendar();

/** Known-good 身份证 numbers; check characters computed independently (ISO 7064 MOD 11-2, recursive form). */
export const GOOD_IDS = [
  '11010519491231002X',
  '440304198001010017',
  '320106200012291234',
  '350203201202290044',
] as const;

export const entry = (overrides: Partial<StaffEntryInput> = {}): StaffEntryInput => ({
  applicantType: 'natural',
  name: '张三丰',
  idType: 'idCard',
  idNumber: '440304198001010017',
  phone: '13812345678',
  address: '广东省梅州市五华县华城镇新华路88号',
  description: '请公开2025年华城镇道路硬化工程的招标文件和验收报告',
  deliveryForm: 'paper',
  channel: 'inPerson',
  receivedDate: '2026-03-02',
  ...overrides,
});

let serial = 0;

/** A received request (status 'received'), entered by staff. */
export function received(overrides: Partial<StaffEntryInput> = {}, applicationNo?: string): InfoRequest {
  const parsed = parseStaffEntry(entry(overrides), '2026-12-31');
  if (!parsed.ok) throw new Error(parsed.message);
  serial += 1;
  const no = applicationNo ?? `2026-${String(serial).padStart(4, '0')}`;
  return createFromStaffEntry(
    parsed.data,
    { id: `r${serial}`, applicationNo: no, queryCode: 'ABCDE23456' },
    parsed.data.receivedDate,
  );
}

/** Applies actions in turn ([action, date] pairs); throws with the code when one is refused. */
export function run(request: InfoRequest, steps: readonly (readonly [RequestAction, string])[]): InfoRequest {
  let current = request;
  for (const [action, date] of steps) {
    const result = applyAction(current, action, date, cal);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    current = result.data;
  }
  return current;
}
