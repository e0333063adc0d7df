/** The notices an open request can be sent (letters/issued.ts): alone, so the pages' schemas take no letters. */
import { labelledCodes } from '../codes';

export const { codes: NOTICE_KINDS, labels: NOTICE_TITLES } = labelledCodes({
  correction: '补正告知书',
  extension: '延期答复告知书',
  fee: '信息处理费缴纳通知书',
  reasons: '说明理由告知书',
  laterDate: '延迟答复告知书',
});
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Letters to the third party (条例 第三十二条): staff only, never in the applicant's answer. */
export const { codes: THIRD_PARTY_LETTER_KINDS, labels: THIRD_PARTY_LETTER_TITLES } = labelledCodes({
  consultation: '第三方意见征询函',
  disclosureOverObjection: '政府信息公开决定告知书（第三方）',
});
export type ThirdPartyLetterKind = (typeof THIRD_PARTY_LETTER_KINDS)[number];
