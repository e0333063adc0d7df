/**
 * The 依申请公开 form as data (条例 第二十九条): the pickers' options, the form → submission mapping, and the
 * shared schema's field errors turned into plain Chinese for the line under each field. Pure.
 */
import {
  APPLICANT_TYPES,
  DELIVERY_FORMS,
  DELIVERY_FORM_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
  parseWith,
  submissionSchema,
  type ApplicantType,
  type FieldError,
} from 'gongkai-core';

/** Table 三's six applicant columns, as a citizen reads them. */
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural: '个人（自然人）',
  commercial: '企业（商业企业）',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他组织',
};

export interface FormText {
  name: string;
  organisationName: string;
  contactName: string;
  idNumber: string;
  phone: string;
  address: string;
  email: string;
  description: string;
  titleHint: string;
  docNoHint: string;
}

export interface FormState extends FormText {
  applicantTypeIndex: number;
  idTypeIndex: number;
  deliveryFormIndex: number;
}

export type FieldKey = keyof FormText | 'applicantType' | 'idType' | 'deliveryForm';

export const TEXT_FIELDS: readonly (keyof FormText)[] = [
  'name',
  'organisationName',
  'contactName',
  'idNumber',
  'phone',
  'address',
  'email',
  'description',
  'titleHint',
  'docNoHint',
];

export const applicantTypeOptions = APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t]);
export const idTypeOptions = ID_TYPES.map((t) => ID_TYPE_LABELS[t]);
/** Online delivery first: what most applicants of a mini program want. */
export const DELIVERY_ORDER = ['online', ...DELIVERY_FORMS.filter((f) => f !== 'online')] as const;
export const deliveryFormOptions = DELIVERY_ORDER.map((f) => DELIVERY_FORM_LABELS[f]);

export function emptyForm(): FormState {
  return {
    applicantTypeIndex: 0,
    idTypeIndex: 0,
    deliveryFormIndex: 0,
    name: '',
    organisationName: '',
    contactName: '',
    idNumber: '',
    phone: '',
    address: '',
    email: '',
    description: '',
    titleHint: '',
    docNoHint: '',
  };
}

export function isOrganisation(form: Pick<FormState, 'applicantTypeIndex'>): boolean {
  return APPLICANT_TYPES[form.applicantTypeIndex] !== 'natural';
}

/** What is sent: only the fields that belong to the applicant type; the function sets channel 'online'. */
export function toSubmission(form: FormState): Record<string, unknown> {
  const organisation = isOrganisation(form);
  const s: Record<string, unknown> = {
    applicantType: APPLICANT_TYPES[form.applicantTypeIndex],
    idType: ID_TYPES[form.idTypeIndex],
    idNumber: form.idNumber,
    phone: form.phone,
    address: form.address,
    description: form.description,
    deliveryForm: DELIVERY_ORDER[form.deliveryFormIndex],
    channel: 'online',
  };
  if (organisation) {
    s.organisationName = form.organisationName;
    s.contactName = form.contactName;
  } else {
    s.name = form.name;
  }
  for (const key of ['email', 'titleHint', 'docNoHint'] as const) if (form[key].trim() !== '') s[key] = form[key];
  return s;
}

/** `name：申请人为自然人的，须填写姓名（name）` → `申请人为自然人的，须填写姓名`. */
export function plainMessage(error: FieldError): string {
  const withoutPath =
    error.path && error.message.startsWith(`${error.path}：`)
      ? error.message.slice(error.path.length + 1)
      : error.message;
  return withoutPath.replace(/（[A-Za-z0-9_.]+）/g, '');
}

/** The first message per field (the top-level field of the path, under `submission.`, a staff `entry.` or `check.`). */
export function errorsByField(fieldErrors: readonly FieldError[] | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of fieldErrors ?? []) {
    const field = e.path.replace(/^(submission|entry|check)\./, '').split('.')[0] ?? '';
    if (field !== '' && errors[field] === undefined) errors[field] = plainMessage(e);
  }
  return errors;
}

/** Checks the form with the shared schema (the function checks it again). */
export function checkForm(form: FormState): Record<string, string> {
  const parsed = parseWith(submissionSchema, toSubmission(form));
  return parsed.ok ? {} : errorsByField(parsed.fieldErrors);
}
