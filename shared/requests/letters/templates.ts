/**
 * The body of the reply letter (政府信息公开申请答复书) for each of the 21 outcome rows of table 三, grouped
 * as in the table. Each paraphrases the 条例 article named in outcomes.ts; the frame (outcome line, article,
 * 复议/诉讼 rights) is added by draft.ts. Staff edit the draft before sending.
 */
import type { Outcome } from '../../format';
import { chineseDate, type Filler } from './fill';

type Body = (f: Filler) => string;

const date = (f: Filler, field: 'correctionDate' | 'correctBy' | 'feeNoticeDate' | 'feeDeadline') =>
  f.has(field) ? chineseDate(f.get(field)) : f.get(field);

/** 条例 第三十六条（三）: a refusal states its reason. */
const refusal =
  (what: string): Body =>
  (f) =>
    `经审查，您申请获取的信息${what}，本机关决定不予公开。理由：${f.get('reason')}`;

export const LETTER_BODIES: Record<Outcome, Body> = {
  // （一）予以公开 — 第三十六条（一）已主动公开的告知途径；（二）可以公开的予以提供
  disclosed: (f) =>
    f.has('whereToGet')
      ? `经审查，您申请获取的信息已经主动公开，您可以通过以下途径获取：${f.get('whereToGet')}`
      : `经审查，您申请获取的信息属于可以公开的政府信息，本机关予以公开。提供方式和时间：${f.get('deliveryNote')}`,
  // （二）部分公开 — 第三十七条 区分处理
  partlyDisclosed: (f) =>
    `经审查，您申请获取的信息中，${f.get('withheldPart')}属于不予公开的内容，理由：${f.get('reason')}。` +
    `本机关对能够区分处理的可以公开部分予以提供，提供方式和时间：${f.get('deliveryNote')}`,
  // （三）不予公开 — 第十四条、第十五条、第十六条、第三十六条（七）
  withheldStateSecret: refusal('属于国家秘密'),
  withheldLawProhibited: refusal('属于法律、行政法规禁止公开的政府信息'),
  withheldThreeSafeties: refusal('公开后可能危及国家安全、公共安全、经济安全、社会稳定'),
  withheldThirdParty: refusal(
    '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，且不公开不会对公共利益造成重大影响',
  ),
  withheldInternalAffairs: refusal('属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）'),
  withheldProcessInfo: refusal(
    '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  ),
  withheldEnforcementFile: refusal('属于行政执法案卷信息'),
  withheldQueryMatter: (f) =>
    `经审查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的信息（如工商、不动产登记资料等），` +
    `请依照有关法律、行政法规的规定办理：${f.get('whereToGet')}`,
  // （四）无法提供 — 第三十六条（四）（五）、第三十八条、第三十条
  // 第三十六条（四）: does not exist; （五）: not this organ's — name the responsible organ when it is known.
  unavailableNotHeld: (f) =>
    f.has('holderOrgan')
      ? `经审查，您申请获取的信息不属于本机关负责公开的政府信息。负责公开该信息的行政机关为${f.get('holderOrgan')}，` +
        `联系方式：${f.get('holderContact')}，请向该机关提出申请。`
      : f.has('notThisOrgan')
        ? `经审查，您申请获取的信息不属于本机关负责公开的政府信息，理由：${f.get('reason')}` +
          '。本机关目前无法确定负责公开该信息的行政机关。'
        : '经检索，本机关没有制作或者获取您申请获取的信息，该政府信息不存在。',
  unavailableNeedsCreation: () =>
    '经审查，本机关没有您所申请的现成信息，需要对现有政府信息进行加工、分析才能形成，本机关不予提供。',
  unavailableStillUnclear: (f) =>
    `本机关已于${date(f, 'correctionDate')}告知您补正申请内容。您补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息，` +
    '故无法提供。您可以明确所需信息的名称、文号或者其他特征描述后重新提出申请。',
  // （五）不予处理 — 第三十九条、第三十六条（六）、第三十五条
  notProcessedPetition: (f) =>
    '经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等事项，本机关不作为政府信息公开申请处理。' +
    `您可以通过以下渠道提出：${f.get('whereToGet')}`,
  notProcessedDuplicate: (f) =>
    `经审查，本机关已就您此前提出的政府信息公开申请作出答复（${f.get('earlierApplication')}），` +
    '您本次重复申请公开相同的政府信息，本机关不予重复处理。',
  notProcessedPublication: (f) =>
    `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物，您可以通过以下途径获取：${f.get('whereToGet')}`,
  notProcessedMassRepeated: (f) =>
    '经审查，您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。' +
    `本机关认为申请理由不合理，决定不予处理。理由：${f.get('reason')}`,
  notProcessedConfirmation: () =>
    '经审查，您的申请是要求本机关确认或者重新出具您已经获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。',
  // （六）其他处理 — 第三十条、第四十二条及国办函〔2020〕109号
  otherNoCorrection: (f) =>
    `本机关已于${date(f, 'correctionDate')}告知您补正申请内容，补正期限至${date(f, 'correctBy')}。` +
    '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  otherFeeUnpaid: (f) =>
    `本机关已于${date(f, 'feeNoticeDate')}向您发出收费通知，您未在缴费期限（${date(f, 'feeDeadline')}）内缴纳信息处理费，` +
    '视为放弃申请，本机关不再处理该政府信息公开申请。',
  otherOther: (f) => `经审查，本机关对您的申请作如下处理：${f.get('reason')}`,
};
