/**
 * The thresholds of the notes the checks across reports raise (a note: level 'info', below a warning — a
 * figure worth a look, never a rule broken). Kept as data: each note prints the threshold it met, and a
 * county may pass its own (acrossThresholdsSchema checks them). The meanings below are what a county reviewer
 * reads beside the figures.
 */
import * as z from 'zod';

export interface AcrossThresholds {
  /** 五 at least this similar to one of the organ's previous years' 五 is a near-copy (0–1). */
  problemsSimilarity: number;
  /** 五 shorter than this many characters (normalised) is not compared: “无” every year is no copy. */
  problemsMinChars: number;
  /** Requests received beyond this multiple of the peers' median are an outlier… */
  requestsFactor: number;
  /** …and only from this many requests on (peers with a median of 0 or 1 make any count “3×”). */
  requestsMinimum: number;
  /** A peer comparison needs at least this many other organs' reports of the same year. */
  minPeers: number;
  /** A share of 其他处理 (三, row （七）) among the requests handled at or above this is noted… */
  otherShare: number;
  /** …when at least this many requests were handled (1 of 2 is no pattern). */
  otherShareMinHandled: number;
}

export const ACROSS_THRESHOLDS: Readonly<AcrossThresholds> = {
  problemsSimilarity: 0.9,
  problemsMinChars: 10,
  requestsFactor: 3,
  requestsMinimum: 10,
  minPeers: 5,
  otherShare: 0.5,
  otherShareMinHandled: 5,
};

/** What each threshold means, in the words the notes use. */
export const ACROSS_THRESHOLD_MEANINGS: Readonly<Record<keyof AcrossThresholds, string>> = {
  problemsSimilarity:
    '“五、存在的主要问题及改进情况”与本机关往年报告的相似度（字符二元组 Dice 系数，0–1）达到此值即提示',
  problemsMinChars: '“五”不足此字数（去掉空白、标点和数字后）不作比较',
  requestsFactor: '本年新收政府信息公开申请数超过同年同类机关中位数的此倍数即提示',
  requestsMinimum: '新收申请数不足此数不作为异常提示',
  minPeers: '同年其他机关的报告不足此数不作同类比较',
  otherShare: '“其他处理”占本年办理结果总数的比例达到此值即提示',
  otherShareMinHandled: '办理结果总数不足此数不作比例提示',
};

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/** A county's own thresholds, any of them: shares within 0–1, counts whole and not negative; no unknown key. */
export const acrossThresholdsSchema = z
  .strictObject({
    problemsSimilarity: share,
    problemsMinChars: count,
    requestsFactor: z.number().min(1),
    requestsMinimum: count,
    minPeers: count.min(1),
    otherShare: share,
    otherShareMinHandled: count,
  })
  .partial();
