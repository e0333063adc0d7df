/**
 * The action form of the request page: what the clerk typed (all text, as the inputs give it) turned into the
 * action the function takes, the fee it states, and the function's field errors put back beside their inputs.
 * The shapes and rules stay in shared/ (actRequestSchema, guards): nothing is checked twice here.
 */
import { describeFee, priceFee, type ActionType, type FeeBasis, type FieldError } from 'gongkai-staff';

export interface FormFields {
  items: string;
  correctBy: string;
  description: string;
  party: string;
  opinion: string;
  workdays: string;
  reason: string;
  approverId: string;
  feeMethod: 'count' | 'pages';
  pages: string;
  outcome: string;
  /** 送达: which notice, how, on which day (post: the signed-for day), or returned ('yes'). */
  notice: string;
  via: string;
  date: string;
  returned: string;
  /** 条例 第三十条: the 正当理由 of a late correction. */
  lateReason: string;
  /** 条例 第三十五条: the applicant's answer. */
  answer: string;
}

export const EMPTY_FIELDS: FormFields = {
  items: '',
  correctBy: '',
  description: '',
  party: '',
  opinion: '',
  workdays: '',
  reason: '',
  approverId: '',
  feeMethod: 'count',
  pages: '',
  outcome: '',
  notice: '',
  via: '',
  date: '',
  returned: '',
  lateReason: '',
  answer: '',
};

/** A number typed in an input; anything else goes through as it is, for the schema to name. */
function whole(text: string): unknown {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t === '' ? undefined : t;
}

const optional = (text: string) => (text.trim() === '' ? {} : { value: text });

export function feeBasis(f: FormFields, nthThisMonth: number): FeeBasis | null {
  if (f.feeMethod === 'count') return { method: 'count', nthThisMonth };
  const pages = whole(f.pages);
  return typeof pages === 'number' ? { method: 'pages', pages } : null;
}

/** The 109号 amount and how it was computed, or why it cannot be (too few pages typed, a count of 0). */
export function feeQuote(f: FormFields, nthThisMonth: number): { amount: number | null; text: string } {
  const basis = feeBasis(f, nthThisMonth);
  if (basis === null) return { amount: null, text: '请填写页数' };
  try {
    return { amount: priceFee(basis), text: describeFee(basis) };
  } catch (e) {
    return { amount: null, text: e instanceof Error ? e.message : String(e) };
  }
}

/** The action as the function takes it (unchecked: actRequestSchema checks it before sending). */
export function actionOf(type: ActionType, f: FormFields, nthThisMonth: number): Record<string, unknown> {
  switch (type) {
    case 'requestCorrection':
      return { type, items: f.items, correctBy: f.correctBy };
    case 'receiveCorrection': {
      const d = optional(f.description);
      const late = optional(f.lateReason);
      return {
        type,
        ...('value' in d ? { description: d.value } : {}),
        ...('value' in late ? { lateReason: late.value } : {}),
      };
    }
    case 'recordDelivery':
      return { type, notice: f.notice, via: f.via, date: f.date, ...(f.returned === 'yes' ? { returned: true } : {}) };
    case 'askReasons': {
      const items = optional(f.items);
      return 'value' in items ? { type, items: items.value } : { type };
    }
    case 'receiveReasons':
      return { type, answer: f.answer };
    case 'setLaterDate':
      return { type, date: f.date, reason: f.reason };
    case 'startConsultation':
      return { type, party: f.party };
    case 'endConsultation':
      return { type, opinion: f.opinion };
    case 'extend':
      return { type, workdays: whole(f.workdays), approverId: f.approverId, reason: f.reason };
    case 'noticeFee': {
      const basis = feeBasis(f, nthThisMonth) ?? { method: 'pages', pages: whole(f.pages) };
      return { type, basis, amountYuan: feeQuote(f, nthThisMonth).amount ?? 0 };
    }
    case 'answer': {
      const r = optional(f.reason);
      return 'value' in r ? { type, outcome: f.outcome, reason: r.value } : { type, outcome: f.outcome };
    }
    default:
      return { type };
  }
}

/** Field errors by input name: `action.items` → items, `action.basis.pages` → pages, `letterText` → letterText. */
export function errorsByField(fieldErrors: readonly FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldErrors ?? []) {
    const parts = e.path.split('.').filter((p) => p !== 'action' && p !== 'basis');
    const key = parts[0] ?? '';
    if (key !== '' && out[key] === undefined) out[key] = e.message;
  }
  return out;
}
