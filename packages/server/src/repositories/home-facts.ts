import { COLLECTIONS } from '../collections';
import type { Db } from '../db';
import { runPipeline, type Stage } from '../stats/aggregate';
import type { CheckinEventDoc } from './checkin-events';
import type { OrgDoc } from './orgs';
import type { QuizRoundDoc } from './quiz-rounds';
import type { StudyPlanDoc } from './study-plans';

/**
 * What the home screen (首页) shows that is the same for every member of a branch: the org names of the
 * caller's path and scope, the month's published study plans reaching the branch (with their required
 * materials' titles), the branch's next 主题党日 and the month's quiz rounds. One aggregate request: it starts
 * from the named orgs (an indexed `_id` match, grouped into one document) and joins the other collections
 * with `$lookup` pipelines.
 * Only small, member-independent collections are joined here; the member's own records (reading progress,
 * attendance) are read by key beside it, so neither request grows with the county.
 *
 * The filters are the ones of `findPublishedPlansForPath`, `findEventsOfBranchSince` + `nextEventOf` and
 * `findPublishedRoundsForPath`, written as plain MongoDB because `$lookup` stages travel as written.
 */
export interface HomeReferenceFacts {
  orgs: Pick<OrgDoc, '_id' | 'name' | 'type'>[];
  plans: (Pick<StudyPlanDoc, '_id' | 'requiredMaterialIds' | 'dueDate'> & { materials: { _id: string; title: string }[] })[];
  /** The branch's next event (not closed, not over), at most one. */
  nextEvents: CheckinEventDoc[];
  rounds: Pick<QuizRoundDoc, '_id' | 'title' | 'opensAt' | 'closesAt'>[];
}

export interface HomeReferenceQuery {
  branchId: string;
  orgPath: readonly string[];
  /** Every org whose name the caller's view shows (path and scope). */
  orgIds: readonly string[];
  month: string;
  now: Date;
}

// A member is reached by a handful of plans and rounds a month; these bounds are far beyond that.
const MAX_PLANS = 100;
const MAX_ROUNDS = 100;

export async function findHomeReferenceFacts(db: Db, query: HomeReferenceQuery): Promise<HomeReferenceFacts | null> {
  const orgPath = [...query.orgPath];
  const lookup = (from: string, pipeline: Stage[], as: string): Stage => ({ from, pipeline, as });
  const orgIds = [...new Set(query.orgIds)];
  const [row] = await runPipeline(db, COLLECTIONS.orgs, [
    { $match: { _id: { $in: orgIds } } },
    { $limit: orgIds.length },
    // One document carrying the named orgs; the joins below hang off it once.
    { $group: { _id: null, orgs: { $push: { _id: '$_id', name: '$name', type: '$type' } } } },
    {
      $lookup: lookup(
        COLLECTIONS.studyPlans,
        [
          { $match: { orgId: { $in: orgPath }, status: 'published', month: query.month } },
          { $limit: MAX_PLANS },
          { $lookup: { from: COLLECTIONS.studyMaterials, localField: 'requiredMaterialIds', foreignField: '_id', as: 'materials' } },
          { $project: { _id: 1, requiredMaterialIds: 1, dueDate: 1, 'materials._id': 1, 'materials.title': 1 } },
        ],
        'plans',
      ),
    },
    {
      $lookup: lookup(
        COLLECTIONS.checkinEvents,
        [{ $match: { branchId: query.branchId, closedAt: null, endsAt: { $gt: query.now } } }, { $sort: { startsAt: 1 } }, { $limit: 1 }],
        'nextEvents',
      ),
    },
    {
      $lookup: lookup(
        COLLECTIONS.quizRounds,
        [
          { $match: { orgId: { $in: orgPath }, status: 'published', month: query.month } },
          { $limit: MAX_ROUNDS },
          { $project: { _id: 1, title: 1, opensAt: 1, closesAt: 1 } },
        ],
        'rounds',
      ),
    },
    { $project: { _id: 0, orgs: 1, plans: 1, nextEvents: 1, rounds: 1 } },
  ]);
  return (row as unknown as HomeReferenceFacts | undefined) ?? null;
}
