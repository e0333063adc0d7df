/** The notices an open request can be sent (letters/issued.ts): alone, so the pages' schemas take no letters. */
export const NOTICE_KINDS = ['correction', 'extension', 'fee'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  correction: '补正告知书',
  extension: '延期答复告知书',
  fee: '信息处理费缴纳通知书',
};
