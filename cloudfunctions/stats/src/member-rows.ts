import type { MatrixFilter, MemberMonthRow } from '@zbxx/contracts';
import type { MemberMonthStatus } from '@zbxx/domain';
import { reminderConsentsRepo, studyRemindersRepo, type Db, type MemberFactsRow } from '@zbxx/server';

/** Rows of a branch's matrix: the month status plus the 催学 state (last sent, a consent to use): 2 requests. */
export async function memberRows(
  db: Db,
  lines: readonly { facts: MemberFactsRow; status: MemberMonthStatus }[],
): Promise<MemberMonthRow[]> {
  const ids = lines.map((line) => line.facts.memberId);
  const [lastReminded, credits] = await Promise.all([
    studyRemindersRepo.findLastRemindedAt(db, ids),
    reminderConsentsRepo.findCredits(db, ids),
  ]);
  return lines.map(({ facts, status }) => ({
    memberId: facts.memberId,
    name: facts.name,
    duty: facts.duty,
    study: status.study,
    quiz: status.quiz,
    partyDay: status.partyDay,
    complete: status.complete,
    missing: status.missing,
    lastRemindedAt: lastReminded.get(facts.memberId)?.toISOString() ?? null,
    canRemind: (credits.get(facts.memberId) ?? 0) > 0,
  }));
}

export function matchesFilter(status: MemberMonthStatus, filter: MatrixFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'incomplete') return !status.complete;
  return status.missing.includes(filter);
}
