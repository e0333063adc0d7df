/**
 * The kinds of identity document an applicant may give (条例 第二十九条: 身份证明), apart from the checks in
 * identity.ts: a function that only checks a credit code (an organ's profile) takes no table of documents.
 */
import { labelledCodes } from '../codes';

export const { codes: ID_TYPES, labels: ID_TYPE_LABELS } = labelledCodes({
  idCard: '居民身份证',
  passport: '护照',
  hkMacauPass: '港澳居民来往内地通行证',
  taiwanPass: '台湾居民来往大陆通行证',
  creditCode: '统一社会信用代码',
  other: '其他有效证件',
});
export type IdType = (typeof ID_TYPES)[number];
