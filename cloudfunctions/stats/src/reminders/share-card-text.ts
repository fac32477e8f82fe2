import { formatPercent, PASS_WORD, QUIZ_NAME } from '@zbxx/contracts';
import { ratesOf, type GroupTotals } from '@zbxx/domain';

/** How many names of members still missing a task a card lists before "等N人". */
export const SHARE_CARD_NAMES = 10;

const percent = formatPercent;

/**
 * The text of the branch's group card (分享到支部群): only the branch's own figures, and only names given by
 * the caller (the branch's members still missing a task, in display order).
 */
export function shareCardText(
  branchName: string,
  month: string,
  totals: GroupTotals,
  incompleteNames: readonly string[],
): { title: string; lines: string[] } {
  const rates = ratesOf(totals);
  const monthNumber = Number(month.slice(5, 7));
  const lines = [`全支部${totals.members}名党员，${totals.complete}人已完成本月全部任务（完成率${percent(rates.completion)}）`];
  if (totals.studyRequired > 0) lines.push(`每月一学：已学${totals.studyDone}/${totals.studyRequired}人（${percent(rates.study)}）`);
  if (totals.quizRequired > 0)
    lines.push(`${QUIZ_NAME}：已答${totals.quizTaken}/${totals.quizRequired}人，${PASS_WORD}${totals.quizPassed}人`);
  if (totals.partyDayRequired > 0) {
    const joined = totals.partyDayAttended + totals.partyDayMadeUp;
    lines.push(
      `主题党日：参加${joined}/${totals.partyDayRequired}人${totals.partyDayMadeUp > 0 ? `（含补学${totals.partyDayMadeUp}人）` : ''}`,
    );
  }
  if (incompleteNames.length === 0) {
    lines.push('本月任务全部完成，为大家点赞！');
  } else {
    const shown = incompleteNames.slice(0, SHARE_CARD_NAMES).join('、');
    const more = incompleteNames.length > SHARE_CARD_NAMES ? `等${incompleteNames.length}人` : '';
    lines.push(`尚未完成：${shown}${more}`);
    lines.push('请抓紧时间在「支部学习」小程序中完成本月任务。');
  }
  return { title: `${branchName}${monthNumber}月学习完成情况`, lines };
}
