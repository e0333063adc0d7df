/**
 * What the 补发查询码 page (staff/pages/reissue-code) shows of the request: who the applicant is, with the last four
 * characters of the document number hidden, since the clerk must read them off the document the person shows
 * (the function compares them with the request's); the check methods; the reissues before. Pure.
 */
import {
  ID_TYPE_LABELS,
  IDENTITY_CHECK_LABELS,
  IDENTITY_CHECK_METHODS,
  applicantTypeLabel,
  type CodeReissue,
  type StaffRequestAnswer,
} from 'gongkai-staff';

export interface Line {
  label: string;
  value: string;
}

/** '440304198001010017' → '44030419800101****'. */
export function withoutLast4(idNumber: string): string {
  return idNumber.length > 4 ? `${idNumber.slice(0, -4)}****` : '****';
}

export function whoLines(r: StaffRequestAnswer): Line[] {
  const a = r.applicant;
  const lines: Line[] = [
    { label: '申请编号', value: r.applicationNo },
    { label: '申请人类型', value: applicantTypeLabel(a.applicantType) },
  ];
  if (a.name !== undefined) lines.push({ label: '姓名', value: a.name });
  if (a.organisationName !== undefined) lines.push({ label: '单位名称', value: a.organisationName });
  if (a.contactName !== undefined) lines.push({ label: '联系人', value: a.contactName });
  lines.push({ label: ID_TYPE_LABELS[a.idType], value: withoutLast4(a.idNumber) });
  return lines;
}

export const METHODS = IDENTITY_CHECK_METHODS.map((key) => ({ key, label: IDENTITY_CHECK_LABELS[key] }));

export function reissueLines(reissues: readonly CodeReissue[]): Line[] {
  return reissues.map((r) => ({
    label: r.date,
    value: `${IDENTITY_CHECK_LABELS[r.method]}${r.note ? `：${r.note}` : ''}`,
  }));
}
