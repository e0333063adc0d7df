import { extractNarrativeNumbers } from '../../../shared/report/narrative-numbers';
import { emptySections, type Sections } from '../../../shared/report';

const said = (overview: string, other = ''): Sections => ({ ...emptySections(), overview, other });
const n = (overview: string, other = '') => extractNarrativeNumbers(said(overview, other));

describe('extractNarrativeNumbers', () => {
  it('is all null for text that states nothing', () => {
    expect(extractNarrativeNumbers(emptySections())).toEqual({
      proactiveCount: null,
      applicationsReceived: null,
      processingFeesYuan: null,
    });
  });

  it.each([
    ['主动公开政府信息 120 余条。', 120],
    ['全年主动公开各类信息近 300 条。', 300],
    ['共发布政府信息 5500 多条。', 5500],
    ['主动公开政府信息约 40 条。', 40],
  ])('an approximate count is kept as a number flagged approximate: %s → %p', (text, value) => {
    expect(n(text)).toMatchObject({ proactiveCount: value, approximate: ['proactiveCount'] });
  });

  it.each([
    // 发布, 公开 and 审核发布 count like 主动公开.
    ['高楼乡累计发布各类信息 90 条，包括乡镇重要政策及解读。', 90],
    ['全镇公开各类信息 347 条，其中，年度信息公开报告 1 条，财政信息 2 条。', 347],
    // A stated total wins over a part listed before it.
    ['其他主动公开的信息 2 条。全年共在网站上发布政府信息 47 条。', 47],
    // 主动公开 wins over another verb's count, even one with 全年.
    ['主动公开政府各类信息 223 条，全年累计公开惠民惠农补贴资金发放相关信息 68 条。', 223],
    // One channel, a category: parts, never the total.
    ['“高平市人民政府”微信公众号全年发布信息 2920 条。', null],
    ['发布政务动态类信息 133 条，发布市政府文件及解读信息 82 条。', null],
    // One website's posts beside documents 主动公开 by kind (Shanghai 2022): a channel, not the total.
    [
      '在上海市人民政府网站、《上海市人民政府公报》主动公开市政府规章13件，行政规范性文件42件。全年上海市人民政府网站共发布各类信息46106条。',
      null,
    ],
    // The same website count, with no documents counted elsewhere: the organ's one channel, its total.
    ['全年上海市人民政府网站共发布各类信息46106条。', 46106],
    // A list of kinds, then its total (包括 lists the kinds, 共计 closes them).
    ['全年主动公开发布包括政府工作、惠民服务、乡村振兴和安全环保等各项工作动态信息共计19条。', 19],
    ['通过“牛华发布”微信公众号主动公开包括政府工作等各项信息共计40条。', null],
    ['通过大冶市人民政府信息公开网站主动公开规划信息、统计信息、许可服务、处罚强制等共计80条。', 80],
  ])('the count, not a part of it: %s → %p', (text, expected) => {
    expect(n(text).proactiveCount).toBe(expected);
  });

  it('reads the 主动公开 part of 一 before the rest', () => {
    const text =
      '（一）主动公开政府信息情况\n通过栏目公开信息 20 条。\n（四）平台建设\n全年通过专栏公开政府信息 16 条。';
    expect(n(text).proactiveCount).toBe(20);
  });

  it.each([
    ['2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。', 8],
    ['全年共受理政府信息依申请公开数量152件（信函申请21件、传真申请0件）。', 152],
    ['2023年我乡受理依申请公开政府信息数量共计0条。', 0],
    ['2025年，全镇未接收到书面提交依申请公开事项。', 0],
    ['收到申请后15个工作日内答复。', null],
    ['中埠镇2020年度累计主动公开政府信息21条,依申请公开0件,网上公开了21件。', 0],
    ['依申请公开3件。', null],
  ])('applications received in other wordings: %s → %p', (text, expected) => {
    expect(n(text).applicationsReceived).toBe(expected);
  });

  it.each([
    ['无收取依申请公开信息相关费用情况。'],
    ['未因信息公开收取公民、法人和其他组织等任何费用。'],
    ['政府信息公开申请均免费提供。'],
  ])('any wording that no fee was charged states the fee as 0: %s', (text) => {
    expect(n(text).processingFeesYuan).toBe(0);
  });

  it.each([
    ['全年主动公开政府信息 264 条。', 264],
    ['本年度主动公开各类信息1,234条，其中规范性文件3件。', 1234],
    ['通过门户网站主动公开 56 条。', 56],
    ['全年共公开政府信息 78 条。', 78],
    ['主动公开政府信息共计 90 件。', 90],
    ['主动公开政府信息２６４条。', 264],
    ['全年累计发布政府信息 300 条。', 300],
    ['本年度，我镇共主动公开政府信息公开条目 356 条。', 356],
    ['主动公开规范性文件 3 件。', null],
  ])('proactiveCount: %s → %p', (text, expected) => {
    expect(n(text).proactiveCount).toBe(expected);
  });

  it.each([
    ['全年共收到政府信息公开申请 5 件。', 5],
    ['本年度新收政府信息公开申请12件，上年结转1件。', 12],
    ['共受理依申请公开事项 3 件。', 3],
    ['全年办理依申请公开 6 件。', 6],
    ['2023年，未收到自然人、法人或其他组织的信息公开申请。', 0],
    ['本年度无依申请公开情况。', 0],
    ['收到政府信息公开申请 0 件。', 0],
    ['本年度收到行政复议申请 2 件。', null],
    ['收到行政复议申请 2 件，收到政府信息公开申请 7 件。', 7],
    ['未收到政府信息公开申请。此前收到申请 3 件。', 0],
  ])('applicationsReceived: %s → %p', (text, expected) => {
    expect(n(text).applicationsReceived).toBe(expected);
  });

  it.each([
    ['本年度未收取信息处理费。', 0],
    ['本年度收取信息处理费0元。', 0],
    ['收取信息处理费 1,200 元。', 1200],
    ['收取信息处理费 0.12 万元。', 1200],
    ['信息处理费：无。', 0],
    ['不存在收取信息处理费的情况。', 0],
    ['依照《政府信息公开信息处理费管理办法》收取信息处理费 100 元。', 100],
    ['无。', null],
  ])('processingFeesYuan: %s → %p', (text, expected) => {
    expect(n('', text).processingFeesYuan).toBe(expected);
  });

  it('looks in 总体情况 first, then the other sections', () => {
    const sections: Sections = {
      ...emptySections(),
      overview: '主动公开政府信息 10 条。',
      proactive: '主动公开政府信息 20 条。',
      applications: '收到政府信息公开申请 4 件。',
    };
    expect(extractNarrativeNumbers(sections)).toEqual({
      proactiveCount: 10,
      applicationsReceived: 4,
      processingFeesYuan: null,
    });
  });
});
