import { roundFullScore, type MonthRequirements } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db } from '../db';
import type { CheckinEventDoc } from '../repositories/checkin-events';
import type { QuizRoundDoc } from '../repositories/quiz-rounds';
import type { StudyPlanDoc } from '../repositories/study-plans';
import { findMaterialSummaries } from '../repositories/study-materials';

/** Where a month's tasks are looked for: a node (a branch or a subtree root) and its path from the county. */
export interface MonthScope {
  nodeId: string;
  /** County … node. */
  nodePath: readonly string[];
  /** A branch has no subtree below it: plans and rounds reach it only from its own path. */
  isBranch: boolean;
}

export interface MonthEvent {
  eventId: string;
  branchId: string;
  branchName: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  closedAt: Date | null;
}

export interface MonthTasks {
  materials: { materialId: string; title: string }[];
  rounds: { roundId: string; title: string; passMark: number; maxScore: number }[];
  events: MonthEvent[];
}

export interface MonthRequirementsOfScope {
  req: MonthRequirements;
  tasks: MonthTasks;
  /** Every material some plan of the month requires in the scope (what the facts keep of a member's reading). */
  requiredMaterialIds: string[];
  roundIds: string[];
}

// A month has a handful of plans and rounds per level; a county holds one 主题党日 per branch (600 here).
const MAX_PLANS = 200;
const MAX_ROUNDS = 200;
const MAX_EVENTS = 1000;

/** The full score of a round: every question weighs the same (as the quiz function computes it). */
function maxScoreOf(round: Pick<QuizRoundDoc, 'quota' | 'pointsPerQuestion'>): number {
  return roundFullScore(
    round.quota.reduce((sum, q) => sum + q.count, 0),
    round.pointsPerQuestion,
  );
}

function uniqueById<T extends { _id: string }>(docs: readonly T[]): T[] {
  return [...new Map(docs.map((doc) => [doc._id, doc])).values()];
}

/**
 * The published plans and rounds of `month` that reach anyone in the scope (made for the node's path, or for
 * a node inside its subtree) and the month's 主题党日 events in the scope: 3 to 5 requests whatever the size,
 * plus one for material titles when `withTitles`.
 */
export async function loadMonthRequirements(
  db: Db,
  scope: MonthScope,
  month: string,
  withTitles = false,
): Promise<MonthRequirementsOfScope> {
  const _ = db.command;
  const path = [...scope.nodePath];
  const [plansOnPath, plansInside, roundsOnPath, roundsInside, eventsRes] = await Promise.all([
    db
      .collection(COLLECTIONS.studyPlans)
      .where({ orgId: _.in(path), status: 'published', month })
      .limit(MAX_PLANS)
      .get(),
    scope.isBranch
      ? null
      : db.collection(COLLECTIONS.studyPlans).where({ orgPath: scope.nodeId, month, status: 'published' }).limit(MAX_PLANS).get(),
    db
      .collection(COLLECTIONS.quizRounds)
      .where({ orgId: _.in(path), status: 'published', month })
      .limit(MAX_ROUNDS)
      .get(),
    scope.isBranch
      ? null
      : db.collection(COLLECTIONS.quizRounds).where({ orgPath: scope.nodeId, month, status: 'published' }).limit(MAX_ROUNDS).get(),
    db
      .collection(COLLECTIONS.checkinEvents)
      .where({ orgPath: scope.nodeId, month })
      .field({ _id: true, branchId: true, branchName: true, theme: true, startsAt: true, endsAt: true, closedAt: true })
      .limit(MAX_EVENTS)
      .get(),
  ]);
  const plans = uniqueById([...plansOnPath.data, ...(plansInside?.data ?? [])] as unknown as StudyPlanDoc[]).sort(
    (a, b) => a.orgPath.length - b.orgPath.length,
  );
  const rounds = uniqueById([...roundsOnPath.data, ...(roundsInside?.data ?? [])] as unknown as QuizRoundDoc[]).sort(
    (a, b) => new Date(a.opensAt).getTime() - new Date(b.opensAt).getTime(),
  );
  const events = (eventsRes.data as unknown as CheckinEventDoc[])
    .map((e) => ({
      eventId: e._id,
      branchId: e.branchId,
      branchName: e.branchName,
      theme: e.theme,
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
      closedAt: e.closedAt ? new Date(e.closedAt) : null,
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  const requiredMaterialIds = [...new Set(plans.flatMap((plan) => plan.requiredMaterialIds))];
  const eventsByBranch: Record<string, string[]> = {};
  for (const event of events) (eventsByBranch[event.branchId] ??= []).push(event.eventId);
  const req: MonthRequirements = {
    plans: plans.map((plan) => ({ orgId: plan.orgId, requiredMaterialIds: plan.requiredMaterialIds })),
    rounds: rounds.map((round) => ({ roundId: round._id, orgId: round.orgId, grading: round.grading, maxScore: maxScoreOf(round) })),
    eventsByBranch,
  };
  const summaries = withTitles ? await findMaterialSummaries(db, requiredMaterialIds) : [];
  const titles = new Map(summaries.map((m) => [m._id, m.title]));
  return {
    req,
    tasks: {
      materials: withTitles
        ? requiredMaterialIds.filter((id) => titles.has(id)).map((materialId) => ({ materialId, title: titles.get(materialId) ?? '' }))
        : [],
      rounds: rounds.map((round) => ({ roundId: round._id, title: round.title, passMark: round.passMark, maxScore: maxScoreOf(round) })),
      events,
    },
    requiredMaterialIds,
    roundIds: rounds.map((round) => round._id),
  };
}
