/**
 * The action form of the request page: what the clerk typed (all text, as the inputs give it) turned into the
 * action the function takes, the fee it states, and the function's field errors put back beside their inputs.
 * The shapes and rules stay in shared/ (actRequestSchema, guards): nothing is checked twice here.
 */
import {
  OUTCOME_RULES,
  describeFee,
  priceFee,
  type ActionType,
  type AnswerDetails,
  type FeeBasis,
  type FieldError,
  type Outcome,
} from 'gongkai-staff';

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
  /** 征求意见书: where the third party reaches the organ. */
  contact: string;
  /** 109号 第四条: the count raised for a 一事一申请 split ('' = the records' count), and why. */
  splitNth: string;
  splitReason: string;
  /** The reply's details (answerDetailsSchema), shown by outcome (detailFieldsFor). */
  deliveryNote: string;
  whereToGet: string;
  holderOrgan: string;
  holderContact: string;
  /** 'yes' when the information exists but is not this organ's to disclose (第三十六条第（五）项). */
  notThisOrgan: string;
  basis: string;
  publicInterestReason: string;
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
  contact: '',
  splitNth: '',
  splitReason: '',
  deliveryNote: '',
  whereToGet: '',
  holderOrgan: '',
  holderContact: '',
  notThisOrgan: '',
  basis: '',
  publicInterestReason: '',
};

/** The reply details a form shows for an outcome; the public-interest reasons only after the third party objected. */
export type DetailField = Exclude<keyof AnswerDetails, 'reason'>;

export function detailFieldsFor(outcome: Outcome | '', objected: boolean): DetailField[] {
  const overObjection: DetailField[] = objected ? ['publicInterestReason'] : [];
  switch (outcome) {
    case 'disclosed':
      return ['deliveryNote', 'whereToGet', ...overObjection];
    case 'partlyDisclosed':
      return ['deliveryNote', ...overObjection];
    case 'withheldQueryMatter':
    case 'notProcessedPublication':
      return ['whereToGet'];
    case 'unavailableNotHeld':
      return ['notThisOrgan', 'holderOrgan', 'holderContact'];
    case '':
      return [];
    default:
      return OUTCOME_RULES[outcome].editableBasis ? ['basis'] : [];
  }
}

/** The details typed for the outcome (only its own fields: another outcome's leftovers are not sent). */
export function answerDetails(f: FormFields, objected: boolean): AnswerDetails {
  const out: AnswerDetails = {};
  const reason = optional(f.reason);
  if ('value' in reason) out.reason = reason.value;
  for (const key of detailFieldsFor(f.outcome as Outcome | '', objected)) {
    if (key === 'notThisOrgan') {
      if (f.notThisOrgan === 'yes') out.notThisOrgan = true;
      continue;
    }
    const typed = optional(f[key]);
    if ('value' in typed) out[key] = typed.value;
  }
  return out;
}

/** A number typed in an input; anything else goes through as it is, for the schema to name. */
function whole(text: string): unknown {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t === '' ? undefined : t;
}

const optional = (text: string): { value: string } | Record<string, never> =>
  text.trim() === '' ? {} : { value: text };

/** How a notice goes out (条例 第三十条, 第三十二条, 109号: periods run from its receipt). */
const viaOf = (f: FormFields) => (f.via === '' ? {} : { via: f.via });

/**
 * By count: the records' count, or a higher one typed for a 一事一申请 split (国办函〔2020〕109号 第四条) with its
 * reason, which the function requires to accept the raise.
 */
export function feeBasis(f: FormFields, nthThisMonth: number): FeeBasis | null {
  if (f.feeMethod === 'count') {
    const raised = whole(f.splitNth);
    if (typeof raised !== 'number' || raised === nthThisMonth) return { method: 'count', nthThisMonth };
    const reason = optional(f.splitReason);
    return { method: 'count', nthThisMonth: raised, ...('value' in reason ? { splitReason: reason.value } : {}) };
  }
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
export function actionOf(
  type: ActionType,
  f: FormFields,
  nthThisMonth: number,
  objected = false,
): Record<string, unknown> {
  switch (type) {
    case 'requestCorrection':
      return { type, items: f.items, correctBy: f.correctBy, ...viaOf(f) };
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
    case 'startConsultation': {
      const contact = optional(f.contact);
      return { type, party: f.party, ...('value' in contact ? { contact: contact.value } : {}), ...viaOf(f) };
    }
    case 'endConsultation':
      return { type, opinion: f.opinion };
    case 'extend':
      return { type, workdays: whole(f.workdays), approverId: f.approverId, reason: f.reason };
    case 'noticeFee': {
      const basis = feeBasis(f, nthThisMonth) ?? { method: 'pages', pages: whole(f.pages) };
      return { type, feeBasis: basis, amountYuan: feeQuote(f, nthThisMonth).amount ?? 0, ...viaOf(f) };
    }
    case 'answer':
      return { type, outcome: f.outcome, ...answerDetails(f, objected) };
    default:
      return { type };
  }
}

/** The inputs a schema path lands on where their names differ (the split count sits under feeBasis). */
const INPUT_OF: Record<string, string> = { nthThisMonth: 'splitNth' };

/** Field errors by input name: `action.items` → items, `action.feeBasis.pages` → pages, `letterText` → letterText. */
export function errorsByField(fieldErrors: readonly FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldErrors ?? []) {
    const parts = e.path.split('.').filter((p) => p !== 'action' && p !== 'details');
    // The fee basis's fields (`feeBasis.pages`) are inputs of their own.
    if (parts[0] === 'feeBasis' && parts.length > 1) parts.shift();
    const key = INPUT_OF[parts[0] ?? ''] ?? parts[0] ?? '';
    if (key !== '' && out[key] === undefined) out[key] = e.message;
  }
  return out;
}
