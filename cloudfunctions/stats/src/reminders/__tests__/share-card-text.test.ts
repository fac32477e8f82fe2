import { emptyTotals, type GroupTotals } from '@zbxx/domain';
import { SHARE_CARD_NAMES, shareCardText } from '../share-card-text';

const totals = (fields: Partial<GroupTotals>): GroupTotals => ({ ...emptyTotals(), ...fields });

describe('shareCardText', () => {
  it('states the branch month and its own figures', () => {
    const card = shareCardText(
      '东关社区党支部',
      '2026-03',
      totals({
        members: 10,
        complete: 7,
        studyRequired: 10,
        studyDone: 9,
        quizRequired: 10,
        quizTaken: 8,
        quizPassed: 8,
        partyDayRequired: 10,
        partyDayAttended: 8,
        partyDayMadeUp: 1,
      }),
      ['张三', '李四', '王五'],
    );
    expect(card.title).toBe('东关社区党支部3月学习完成情况');
    expect(card.lines).toEqual([
      '全支部10名党员，7人已完成本月全部任务（完成率70.0%）',
      '每月一学：已学9/10人（90.0%）',
      '党规答题：已答8/10人，合格8人',
      '主题党日：参加9/10人（含补学1人）',
      '尚未完成：张三、李四、王五',
      '请抓紧时间在「支部学习」小程序中完成本月任务。',
    ]);
  });

  it('leaves out tasks nobody set and praises a complete branch', () => {
    const card = shareCardText('一支部', '2026-12', totals({ members: 3, complete: 3, studyRequired: 3, studyDone: 3 }), []);
    expect(card.lines).toEqual([
      '全支部3名党员，3人已完成本月全部任务（完成率100.0%）',
      '每月一学：已学3/3人（100.0%）',
      '本月任务全部完成，为大家点赞！',
    ]);
  });

  it(`lists at most ${SHARE_CARD_NAMES} names, then how many in all`, () => {
    const names = Array.from({ length: 14 }, (_, i) => `党员${i + 1}`);
    const line = shareCardText('一支部', '2026-12', totals({ members: 20, complete: 6 }), names).lines.find((l) =>
      l.startsWith('尚未完成'),
    );
    expect(line).toBe(`尚未完成：${names.slice(0, SHARE_CARD_NAMES).join('、')}等14人`);
    expect(line).not.toContain('党员11');
  });
});
