import type { HomeQuiz } from '@zbxx/contracts';
import { roundWindowState } from '@zbxx/domain';
import type { HomeReferenceFacts } from '@zbxx/server';

type Round = HomeReferenceFacts['rounds'][number];

const WINDOW_ORDER: Record<HomeQuiz['window'], number> = { open: 0, upcoming: 1, closed: 2 };

/** Within one window: open rounds closing first, upcoming ones opening first, closed ones closed last. */
function sortKey(round: Round, window: HomeQuiz['window']): number {
  if (window === 'upcoming') return round.opensAt.getTime();
  return window === 'open' ? round.closesAt.getTime() : -round.closesAt.getTime();
}

/**
 * 首页 党规答题 card: of the month's rounds reaching the member, the one open now, else the next to open,
 * else the last one that closed.
 */
export function quizCardOf(rounds: readonly Round[], now: Date): HomeQuiz | null {
  const [first] = rounds
    .map((round) => ({ round, window: roundWindowState({ opensAt: round.opensAt, closesAt: round.closesAt }, now) }))
    .sort((a, b) => WINDOW_ORDER[a.window] - WINDOW_ORDER[b.window] || sortKey(a.round, a.window) - sortKey(b.round, b.window));
  if (!first) return null;
  return {
    roundId: first.round._id,
    title: first.round.title,
    window: first.window,
    opensAt: first.round.opensAt.toISOString(),
    closesAt: first.round.closesAt.toISOString(),
  };
}
