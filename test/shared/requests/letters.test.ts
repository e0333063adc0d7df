import { OUTCOME_ROWS, type Outcome } from '../../../shared/format';
import {
  OUTCOME_GROUPS,
  OUTCOME_RULES,
  consultationLetter,
  correctionNotice,
  draftLetter,
  extensionNotice,
  feeNotice,
  letterContextFor,
  outcomeLabel,
  outcomeTitle,
  outcomesOf,
  renderLetter,
  checkComplete,
  findPlaceholders,
  disclosureOverObjectionNotice,
  reasonsNotice,
  laterDateNotice,
  type LetterContext,
} from '../../../shared/requests';
import { cal, received, run } from './fixtures';

const full: LetterContext = {
  organName: '华城镇人民政府',
  applicationNo: '2026-0007',
  applicantName: '张三丰',
  receivedDate: '2026-03-02',
  letterDate: '2026-03-20',
  informationTitle: '2025年道路硬化工程招标文件',
  withheldPart: '投标人报价明细',
  reason: '涉及第三方商业秘密',
  deliveryNote: '纸质文本邮寄',
  whereToGet: '华城镇人民政府网站“政府信息公开”栏目',
  holderOrgan: '五华县交通运输局',
  holderContact: '0753-4432100',
  earlierApplication: '2026-0003号，2026年2月10日答复',
  correctionDate: '2026-03-04',
  correctBy: '2026-03-20',
  feeNoticeDate: '2026-03-05',
  feeDeadline: '2026-04-02',
  reviewOrgan: '五华县人民政府',
  court: '五华县人民法院',
};

/** `full` without some of its fields (a letter drafted before they are known). */
function without(...keys: (keyof LetterContext)[]): LetterContext {
  const context = { ...full };
  for (const key of keys) delete context[key];
  return context;
}

/** The article each outcome row rests on (shared/format/README). */
const ARTICLE: Record<Outcome, RegExp> = {
  disclosed: /第三十六条第（一）项、第（二）项/,
  partlyDisclosed: /第三十七条/,
  withheldStateSecret: /第十四条/,
  withheldLawProhibited: /第十四条/,
  withheldThreeSafeties: /第十四条/,
  withheldThirdParty: /第十五条、第三十二条/,
  withheldInternalAffairs: /第十六条/,
  withheldProcessInfo: /第十六条/,
  withheldEnforcementFile: /第十六条/,
  withheldQueryMatter: /第三十六条第（七）项/,
  unavailableNotHeld: /第三十六条第（四）项、第（五）项/,
  unavailableNeedsCreation: /第三十八条/,
  unavailableStillUnclear: /第三十条/,
  notProcessedPetition: /第三十九条/,
  notProcessedDuplicate: /第三十六条第（六）项/,
  notProcessedPublication: /第三十九条/,
  notProcessedMassRepeated: /第三十五条/,
  notProcessedConfirmation: /表三“不予处理——要求行政机关确认或重新出具已获取信息”/,
  otherNoCorrection: /第三十条/,
  otherFeeUnpaid: /第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）/,
  otherOther: /第三十六条/,
};

describe('reply letters for the 21 outcomes', () => {
  it('groups the outcomes as table 三 does', () => {
    expect(OUTCOME_GROUPS.flatMap((g) => outcomesOf(g))).toEqual([...OUTCOME_ROWS]);
    expect(outcomesOf('withheld')).toHaveLength(8);
    expect(outcomesOf('notProcessed')).toHaveLength(5);
    expect(outcomeTitle('withheldStateSecret')).toBe('（三）不予公开 — 1.属于国家秘密');
    // Each group's heading as the format prints it.
    expect(outcomeTitle('unavailableNotHeld')).toBe('（四）无法提供 — 1.本机关不掌握相关政府信息');
    expect(outcomeTitle('notProcessedDuplicate')).toBe('（五）不予处理 — 2.重复申请');
    expect(outcomeTitle('otherOther')).toBe('（六）其他处理 — 3.其他');
    expect(outcomeTitle('disclosed')).toBe('（一）予以公开');
    expect(outcomeTitle('partlyDisclosed')).toBe('（二）部分公开');
    expect(outcomeLabel('partlyDisclosed')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });

  it.each(OUTCOME_ROWS)('%s: states the outcome, its article, and the 复议/诉讼 rights', (outcome) => {
    const { text, missing } = renderLetter(outcome, full);
    expect(missing).toEqual([]);
    expect(text).toContain(`办理结果：${outcomeTitle(outcome)}。`);
    expect(text).not.toContain('只计这一情形');
    expect(text).not.toMatch(/。。/);
    const cited = OUTCOME_RULES[outcome].editableBasis
      ? '《政府信息公开工作年度报告格式》'
      : '《中华人民共和国政府信息公开条例》';
    expect(text).toMatch(new RegExp(`依据：${cited}.*${ARTICLE[outcome].source}`));
    expect(text).toMatch(/60日内向五华县人民政府申请行政复议/);
    expect(text).toMatch(/提起行政诉讼/);
    if (OUTCOME_RULES[outcome].reviewFirst) expect(text).toMatch(/应当先申请行政复议.*15日内/);
    else expect(text).toMatch(/6个月内向五华县人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）/);
    expect(text).toMatch(/60日内向五华县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）/);
    expect(findPlaceholders(text)).toEqual([]);
    expect(text).toMatch(/^华城镇人民政府\n政府信息公开申请答复书\n\n张三丰：/);
    expect(text).toContain('2026年3月2日收到');
    expect(text).toContain('2026年3月20日');
    expect(draftLetter(outcome, full)).toBe(text);
  });

  it('fills the placeholders each outcome needs', () => {
    expect(draftLetter('partlyDisclosed', full)).toContain(
      '投标人报价明细属于不予公开的内容，理由：涉及第三方商业秘密',
    );
    expect(draftLetter('withheldStateSecret', { ...full, reason: '经保密审查属于秘密级事项。' })).toContain(
      '理由：经保密审查属于秘密级事项。\n',
    );
    expect(draftLetter('unavailableNotHeld', full)).toContain('五华县交通运输局，联系方式：0753-4432100');
    expect(draftLetter('unavailableNotHeld', { ...full, holderOrgan: '' })).toContain('该政府信息不存在');
    expect(draftLetter('notProcessedPublication', full)).toContain('华城镇人民政府网站');
    expect(draftLetter('disclosed', full)).toContain('已经主动公开');
    expect(draftLetter('disclosed', without('whereToGet'))).toContain('提供方式和时间：纸质文本邮寄');
    expect(draftLetter('otherNoCorrection', full)).toContain('2026年3月4日告知您补正申请内容，补正期限至2026年3月20日');
    expect(draftLetter('otherFeeUnpaid', full)).toContain('缴费期限（2026年4月2日）');
    expect(draftLetter('otherOther', { ...full, court: '梅州市梅江区人民法院' })).toContain(
      '向梅州市梅江区人民法院提起',
    );
  });

  it('marks what staff still have to fill in', () => {
    const { text, missing } = renderLetter('partlyDisclosed', { organName: '华城镇人民政府' });
    expect(missing).toEqual([
      '申请人姓名或名称',
      '收到申请日期',
      '申请编号',
      '所申请的信息',
      '不予公开的部分',
      '理由',
      '提供信息的方式和时间',
      '行政复议机关',
      '人民法院',
      '答复日期',
    ]);
    expect(text).toContain('【请填写：不予公开的部分】');
    expect(renderLetter('otherNoCorrection', {}).missing).toEqual(
      expect.arrayContaining(['补正告知日期', '补正期限', '机关名称']),
    );
  });

  it('takes its context from a request', () => {
    const request = run(received({ titleHint: '道路硬化工程招标文件' }), [
      [{ type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: 12 }, amountYuan: 100 }, '2026-03-03'],
    ]);
    const context = letterContextFor(
      request,
      { organName: '华城镇人民政府', reviewOrgan: '五华县人民政府' },
      '2026-04-02',
      cal,
    );
    expect(context).toMatchObject({
      applicationNo: request.applicationNo,
      applicantName: '张三丰',
      receivedDate: '2026-03-02',
      informationTitle: '道路硬化工程招标文件',
      feeNoticeDate: '2026-03-03',
      feeDeadline: '2026-03-31',
    });
    const corrected = run(received(), [
      [{ type: 'requestCorrection', items: '请写明年份', correctBy: '2026-03-20' }, '2026-03-03'],
      [{ type: 'receiveCorrection' }, '2026-03-05'],
      [{ type: 'answer', outcome: 'otherOther', reason: '申请人撤回申请' }, '2026-03-06'],
    ]);
    const answered = letterContextFor(corrected, { organName: '华城镇人民政府' }, '2026-03-06');
    expect(answered).toMatchObject({ correctionDate: '2026-03-03', correctBy: '2026-03-20', reason: '申请人撤回申请' });
    expect(answered.informationTitle).toBe(corrected.content.description);
    expect(answered.feeDeadline).toBeUndefined();
  });
});

describe('notices', () => {
  const base = {
    organName: '华城镇人民政府',
    applicationNo: '2026-0007',
    applicantName: '张三丰',
    receivedDate: '2026-03-02',
    noticeDate: '2026-03-04',
  };

  it('补正通知: what to add, by when, and the consequence (条例 第三十条)', () => {
    const text = correctionNotice({ ...base, items: '请写明工程名称和年份', correctBy: '2026-03-20' });
    expect(text).toContain('请写明工程名称和年份');
    expect(text).toContain('请于2026年3月20日前');
    expect(text).toMatch(/逾期不补正的，视为放弃申请.*第三十条/);
  });

  it('延期告知: days, new due date, the approval (条例 第三十三条)', () => {
    const text = extensionNotice({ ...base, workdays: 15, newDueDate: '2026-04-21', reason: '需调取档案' });
    expect(text).toMatch(/因需调取档案.*政府信息公开工作机构负责人同意.*延长15个工作日.*2026年4月21日前/);
    expect(text).toContain('第三十三条第一款');
  });

  it('第三方意见征询函: 15 working days, and no word about the applicant (条例 第三十二条)', () => {
    const text = consultationLetter({
      organName: '华城镇人民政府',
      applicationNo: '2026-0007',
      noticeDate: '2026-03-04',
      partyName: '梅州某建筑公司',
      informationTitle: '投标报价明细',
      replyBy: '2026-03-25',
      contact: '0753-4430000',
    });
    expect(text).toMatch(/^政府信息公开第三方意见征询函\n\n梅州某建筑公司：/);
    expect(text).toMatch(/15个工作日内.*逾期未提出意见的/);
    expect(text).toContain('第三十二条');
    expect(text).not.toContain('张三丰');
  });

  it('收费通知: amount, how computed, pay within 20 working days (条例 第四十二条; 109号)', () => {
    const text = feeNotice({
      ...base,
      feeBasis: { method: 'pages', pages: 120 },
      payBy: '2026-04-01',
      howToPay: '非税收入缴款码',
    });
    expect(text).toContain('信息处理费1100元');
    expect(text).toContain('第 31–100 页 70 页 × 10 元 = 700 元；第 101–120 页 20 页 × 20 元 = 400 元');
    expect(text).toMatch(/20个工作日内（2026年4月1日前）缴纳，缴费方式：非税收入缴款码/);
    expect(text).toMatch(/逾期未缴纳的，视为放弃申请/);
    expect(text).toContain('国办函〔2020〕109号');
  });
});

describe('complete letters (条例 第五十一条; 行政复议法 第二十条; 行政诉讼法 第四十六条)', () => {
  it('a letter without the 复议机关 or court keeps a marker, and checkComplete refuses it naming the marker', () => {
    const letter = renderLetter('disclosed', without('reviewOrgan', 'court'));
    expect(letter.missing).toEqual(['行政复议机关', '人民法院']);
    const refused = checkComplete(letter);
    expect(refused).toMatchObject({ ok: false, code: 'LETTER_INCOMPLETE' });
    expect(refused?.message).toContain('【请填写：行政复议机关】');
    expect(refused?.message).toContain('【请填写：人民法院】');
    expect(checkComplete(renderLetter('disclosed', full))).toBeNull();
  });

  it("第三十六条（五）: not this organ's — says so, with the responsible organ when known", () => {
    const notOurs = { ...without('holderOrgan', 'holderContact'), notThisOrgan: 'yes' };
    const text = draftLetter('unavailableNotHeld', { ...notOurs, reason: '该项目由县交通运输局组织实施' });
    expect(text).toContain('不属于本机关负责公开的政府信息，理由：该项目由县交通运输局组织实施。');
    expect(text).not.toContain('不存在');
    expect(draftLetter('unavailableNotHeld', full)).toContain('负责公开该信息的行政机关为五华县交通运输局');
  });

  it("要求确认或重新出具: cites the national format's row; staff may edit the basis", () => {
    expect(draftLetter('notProcessedConfirmation', full)).toContain('国办公开办函〔2021〕30号');
    expect(draftLetter('notProcessedConfirmation', { ...full, basis: '《某省政府信息公开规定》第十条' })).toContain(
      '依据：《某省政府信息公开规定》第十条。',
    );
    expect(draftLetter('disclosed', { ...full, basis: '别的' })).not.toContain('别的');
  });

  it('the third party is told in writing when the organ discloses over its objection (第三十二条)', () => {
    const text = disclosureOverObjectionNotice(
      {
        organName: '华城镇人民政府',
        applicationNo: '2026-0007',
        noticeDate: '2026-03-20',
        partyName: '某建筑公司',
        informationTitle: '道路硬化工程中标价',
        content: '中标价及工程量清单',
        reasons: '涉及财政资金使用，公众知情利益重大',
      },
      '如对本决定不服……',
    );
    expect(text).toContain('某建筑公司：');
    expect(text).toContain('决定公开的内容：中标价及工程量清单');
    expect(text).toContain('理由：涉及财政资金使用，公众知情利益重大。');
    expect(text).toContain('第三十二条');
  });

  it('第三十五条: asks for reasons, then tells a later date — no pause is claimed', () => {
    const base = {
      organName: '华城镇人民政府',
      applicationNo: '2026-0007',
      applicantName: '张三丰',
      receivedDate: '2026-03-02',
      noticeDate: '2026-03-04',
    };
    expect(reasonsNotice({ ...base, items: '申请用途' })).toContain('请您说明理由：申请用途。');
    const later = laterDateNotice({ ...base, answerBy: '2026-05-29', reason: '需逐件检索' });
    expect(later).toContain('于2026年5月29日前作出答复');
    expect(later).not.toMatch(/中止|不计算在/);
  });
});
