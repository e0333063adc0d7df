/**
 * The editor's form as plain strings (what inputs and pickers give), and its way to the shared itemContentSchema:
 * the same schema the items function checks, so a field error shows here, in Chinese, before anything is sent.
 * Pure: no wx, no page.
 */
import {
  itemContentSchema,
  parseWith,
  type Attachment,
  type FieldError,
  type ItemContent,
  type Validity,
} from 'gongkai-staff';
import { CATEGORIES, FIELD_LABELS, VALIDITY_OPTIONS } from '../../labels';

export interface DraftForm {
  title: string;
  docNo: string;
  publisher: string;
  writtenDate: string;
  category: string;
  validity: Validity | '';
  body: string;
  attachments: Attachment[];
}

export type FormField = Exclude<keyof DraftForm, 'attachments'>;

export type FieldErrors = Partial<Record<keyof DraftForm, string>>;

export function emptyForm(): DraftForm {
  return {
    title: '',
    docNo: '',
    publisher: '',
    writtenDate: '',
    category: '',
    validity: '',
    body: '',
    attachments: [],
  };
}

/** The editable part of a stored item, as form strings. */
export function formOf(content: Partial<ItemContent>): DraftForm {
  return {
    title: content.title ?? '',
    docNo: content.docNo ?? '',
    publisher: content.publisher ?? '',
    writtenDate: content.writtenDate ?? '',
    category: content.category ?? '',
    validity: content.validity ?? '',
    body: content.body ?? '',
    attachments: content.attachments ?? [],
  };
}

/** What is sent: empty optional text left out, 有效性 不适用 as null. */
export function contentOf(form: DraftForm): Record<string, unknown> {
  const content: Record<string, unknown> = {
    title: form.title,
    publisher: form.publisher,
    writtenDate: form.writtenDate,
    category: form.category,
    validity: form.validity === '' ? null : form.validity,
    body: form.body,
    attachments: form.attachments,
  };
  if (form.docNo.trim() !== '') content.docNo = form.docNo;
  return content;
}

const FIELDS = Object.keys(FIELD_LABELS);

/** Field errors by form field from the schema's (or the server's) `path：message` errors. */
export function fieldErrorsOf(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const segments = e.path.split('.').filter((s) => s !== 'content');
    const field = segments[0];
    if (field === undefined || !FIELDS.includes(field)) continue;
    const key = field as keyof DraftForm;
    const text = e.message.startsWith(`${e.path}：`) ? e.message.slice(e.path.length + 1) : e.message;
    // A missing date comes back as the format rule: say what to do instead.
    const message = key === 'writtenDate' && !/\d/.test(text) && text.includes('格式') ? '请选择成文日期' : text;
    if (out[key] === undefined) out[key] = message;
  }
  return out;
}

export type Checked = { ok: true; content: ItemContent } | { ok: false; errors: FieldErrors; message: string };

export function checkForm(form: DraftForm): Checked {
  const parsed = parseWith(itemContentSchema, contentOf(form));
  if (parsed.ok) return { ok: true, content: parsed.data };
  const errors = fieldErrorsOf(parsed.fieldErrors ?? []);
  if (form.writtenDate === '') errors.writtenDate = '请选择成文日期';
  const labels = (Object.keys(errors) as (keyof DraftForm)[]).map((k) => FIELD_LABELS[k] ?? k);
  return { ok: false, errors, message: `请检查：${labels.join('、')}` };
}

export function categoryIndex(value: string): number {
  return CATEGORIES.findIndex((c) => c.value === value);
}

export function validityIndex(value: Validity | ''): number {
  return Math.max(
    0,
    VALIDITY_OPTIONS.findIndex((v) => v.value === value),
  );
}
