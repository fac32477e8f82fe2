import { monthBounds, type MemberMonthFacts } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocData } from '../db';
import { runPipeline, type Stage } from './aggregate';

/** A member's month facts plus what a listing shows. */
export interface MemberFactsRow extends MemberMonthFacts {
  name: string;
  duty: string;
}

/** Which month's facts, about which part of the tree. */
export interface FactsTarget {
  month: string;
  /** A branch or a subtree root: members count when their branch of the month lies on or below it. */
  nodeId: string;
  /** What the month's facts keep of a member's reading and answering (the month's required materials and rounds). */
  requiredMaterialIds: readonly string[];
  roundIds: readonly string[];
  /** The instant the figures are taken at: 未签到 counts as 缺席 only for events closed or ended by then. */
  now: Date;
}

const lit = (value: unknown) => ({ $literal: value });
const orNull = (path: string) => ({ $ifNull: [path, null] });

// Transfers after the month are few; a year of a county's fits one request.
const MAX_LEAVERS = 1000;

/** A transfer out of the node after the month: who moved, and from which branch. */
interface LaterTransfer {
  memberId: string;
  fromBranchId: string;
}

/**
 * The transfers out after the month of a node, or of any of several branches (one indexed request on the
 * transfers' `fromOrgPath`, which ends with the branch left).
 */
async function findLaterTransfers(db: Db, from: string | readonly string[], month: string): Promise<LaterTransfer[]> {
  const _ = db.command;
  const { end } = monthBounds(month);
  const res = await db
    .collection(COLLECTIONS.transfers)
    .where({ fromOrgPath: typeof from === 'string' ? from : _.in([...from]), at: _.gte(end) })
    .field({ memberId: true, fromBranchId: true })
    .limit(MAX_LEAVERS)
    .get();
  return res.data.map((doc) => ({ memberId: String(doc.memberId), fromBranchId: String(doc.fromBranchId) }));
}

/**
 * Members who belonged to the node at the month's end but have left it since (组织关系转接 out): they count
 * where they were, so the pipeline must see them too. One indexed request on the transfers' `fromOrgPath`.
 */
export async function findLeaverIds(db: Db, nodeId: string, month: string): Promise<string[]> {
  return [...new Set((await findLaterTransfers(db, nodeId, month)).map((t) => t.memberId))];
}

/** The first `$match`: indexed members of the node now, and those who left it after the month. */
function candidatesMatch(nodeId: string, leaverIds: readonly string[]): Stage {
  if (leaverIds.length === 0) return { $match: { orgPath: nodeId } };
  return { $match: { $or: [{ orgPath: nodeId }, { _id: { $in: [...leaverIds] } }] } };
}

/**
 * Where each candidate counts for the month: the `from` side of their earliest transfer after the month's
 * end, otherwise where they are now (see @zbxx/domain `branchAt`); members added after the month don't count.
 */
function countingStages(nodeId: string, end: Date): Stage[] {
  return [
    { $lookup: { from: COLLECTIONS.transfers, localField: '_id', foreignField: 'memberId', as: '_transfers' } },
    {
      $addFields: {
        _later: {
          $reduce: {
            input: { $filter: { input: '$_transfers', cond: { $gte: ['$$this.at', lit(end)] } } },
            initialValue: null,
            in: { $cond: [{ $or: [{ $eq: ['$$value', null] }, { $lt: ['$$this.at', '$$value.at'] }] }, '$$this', '$$value'] },
          },
        },
      },
    },
    {
      $addFields: {
        branchId: { $ifNull: ['$_later.fromBranchId', '$branchId'] },
        orgPath: { $ifNull: ['$_later.fromOrgPath', '$orgPath'] },
      },
    },
    { $match: { orgPath: nodeId, createdAt: { $lt: end } } },
  ];
}

/** The candidates' reading, answers and attendance of the month, shaped as MemberMonthFacts (+ name, duty). */
function factsStages(target: FactsTarget): Stage[] {
  const join = (from: string, as: string, localField = '_id', foreignField = 'memberId'): Stage => ({
    $lookup: { from, localField, foreignField, as },
  });
  return [
    join(COLLECTIONS.studyProgress, '_progress'),
    join(COLLECTIONS.quizAttempts, '_attempts'),
    join(COLLECTIONS.attendance, '_attendance'),
    // The events of those records, to keep the month's only (attendance records carry no month).
    join(COLLECTIONS.checkinEvents, '_events', '_attendance.eventId', '_id'),
    // The counting branch's own events (of any month; the month's are kept below).
    join(COLLECTIONS.checkinEvents, '_branchEvents', 'branchId', 'branchId'),
    {
      $project: {
        _id: 1,
        memberId: '$_id',
        name: 1,
        duty: 1,
        branchId: 1,
        orgPath: 1,
        completedMaterialIds: {
          $map: {
            input: {
              $filter: {
                input: '$_progress',
                cond: {
                  $and: [
                    { $ne: [orNull('$$this.completedAt'), null] },
                    { $in: ['$$this.materialId', lit([...target.requiredMaterialIds])] },
                  ],
                },
              },
            },
            in: '$$this.materialId',
          },
        },
        attempts: {
          $map: {
            input: {
              $filter: {
                input: '$_attempts',
                cond: {
                  $and: [
                    { $in: ['$$this.roundId', lit([...target.roundIds])] },
                    { $ne: [orNull('$$this.finishedAt'), null] },
                    { $ne: [orNull('$$this.score'), null] },
                  ],
                },
              },
            },
            in: {
              roundId: '$$this.roundId',
              score: '$$this.score',
              passed: { $eq: ['$$this.passed', true] },
              finishedAt: '$$this.finishedAt',
            },
          },
        },
        branchEventIds: {
          $map: { input: { $filter: { input: '$_branchEvents', cond: { $eq: ['$$this.month', lit(target.month)] } } }, in: '$$this._id' },
        },
        decidedEventIds: {
          $map: {
            input: {
              $filter: {
                input: { $concatArrays: ['$_branchEvents', '$_events'] },
                cond: {
                  $and: [
                    { $eq: ['$$this.month', lit(target.month)] },
                    { $or: [{ $ne: [orNull('$$this.closedAt'), null] }, { $lte: ['$$this.endsAt', lit(target.now)] }] },
                  ],
                },
              },
            },
            in: '$$this._id',
          },
        },
        attendance: {
          $let: {
            vars: {
              monthEvents: {
                $map: { input: { $filter: { input: '$_events', cond: { $eq: ['$$this.month', lit(target.month)] } } }, in: '$$this._id' },
              },
            },
            in: {
              $map: {
                input: { $filter: { input: '$_attendance', cond: { $in: ['$$this.eventId', '$$monthEvents'] } } },
                in: {
                  eventId: '$$this.eventId',
                  state: '$$this.state',
                  // The checkin domain's selfMadeEntries, as an expression: a secretary's entry on their own record.
                  selfMade: {
                    $gt: [
                      {
                        $size: {
                          $filter: {
                            input: { $ifNull: ['$$this.history', []] },
                            as: 'entry',
                            cond: { $and: [{ $eq: ['$$entry.role', 'secretary'] }, { $eq: ['$$entry.by', '$$this.memberId'] }] },
                          },
                        },
                      },
                      0,
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
  ];
}

/**
 * The stages from the members collection to one MemberMonthFacts-shaped document per member counting in the
 * node for the month; `page` cuts the sorted members before the costly joins (for a subtree's pages, see
 * `planMemberFactsPages`, which spares each page the counting of the whole subtree). (`db` is unused: the
 * stats modules call it this way, alongside `findLeaverIds(db, …)`.)
 */
export function memberFactsStages(
  _db: Db | null,
  target: FactsTarget,
  leaverIds: readonly string[],
  page?: { skip: number; limit: number },
): Stage[] {
  const { end } = monthBounds(target.month);
  return [
    candidatesMatch(target.nodeId, leaverIds),
    ...countingStages(target.nodeId, end),
    ...(page ? [{ $sort: { branchId: 1, _id: 1 } }, { $skip: page.skip }, { $limit: page.limit }] : []),
    ...factsStages(target),
  ];
}

export function toFactsRow(doc: DocData): MemberFactsRow {
  const attempts = (doc.attempts as { roundId: string; score: number; passed: boolean; finishedAt: Date | string }[] | undefined) ?? [];
  return {
    memberId: String(doc.memberId),
    name: String(doc.name ?? ''),
    duty: String(doc.duty ?? ''),
    branchId: String(doc.branchId),
    orgPath: (doc.orgPath as string[] | undefined) ?? [],
    completedMaterialIds: (doc.completedMaterialIds as string[] | undefined) ?? [],
    attempts: attempts.map((a) => ({ roundId: a.roundId, score: Number(a.score), passed: a.passed, finishedAt: new Date(a.finishedAt) })),
    // selfMade only where true, so a plain record reads as it always did.
    attendance: ((doc.attendance as MemberMonthFacts['attendance'] | undefined) ?? []).map(({ eventId, state, selfMade }) =>
      selfMade ? { eventId, state, selfMade } : { eventId, state },
    ),
    decidedEventIds: [...new Set((doc.decidedEventIds as string[] | undefined) ?? [])],
  };
}

// One get() or aggregate answer holds at most 1000 rows; a branch is a few dozen members.
export const MAX_BRANCH_MEMBERS = 1000;

/**
 * (a) The facts of every member counting in one branch for the month: 2 requests whatever the branch's size
 * (the transfers out after the month, then one pipeline).
 */
export async function findBranchMonthFacts(db: Db, target: FactsTarget): Promise<MemberFactsRow[]> {
  const leavers = await findLeaverIds(db, target.nodeId, target.month);
  const docs = await runPipeline(db, COLLECTIONS.members, [...memberFactsStages(db, target, leavers), { $limit: MAX_BRANCH_MEMBERS }]);
  return docs.map(toFactsRow).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.memberId.localeCompare(b.memberId));
}

// A subtree's branches, listed a page of this many at a time (a county has about 600).
const BRANCHES_PAGE = 1000;

/** The branches of the node with members now, and how many, in id order: one request per 1000 branches. */
async function branchSizes(db: Db, nodeId: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (let skip = 0; ; skip += BRANCHES_PAGE) {
    const rows = await runPipeline(db, COLLECTIONS.members, [
      { $match: { orgPath: nodeId } },
      { $group: { _id: '$branchId', members: { $sum: 1 } } },
      { $sort: { _id: 1 } },
      { $skip: skip },
      { $limit: BRANCHES_PAGE },
    ]);
    for (const row of rows) sizes.set(String(row._id), Number(row.members));
    if (rows.length < BRANCHES_PAGE) return sizes;
  }
}

/**
 * One page of a subtree month's members: those counting in a run of whole branches (`branchIds`, in id order);
 * `skip` and `limit` cut a branch bigger than a page. Plain data: a resumable job can keep it between calls,
 * while members move: who counts in a branch for a past month doesn't change, and each read finds them anew.
 */
export interface MemberFactsPage {
  branchIds: string[];
  skip: number;
  limit: number;
}

/**
 * The pages of a subtree month's members, in branch then id order: runs of whole branches whose candidates
 * (members now plus leavers) stay under `pageSize`, a bigger branch cut in pages of its own. 2 requests (the
 * transfers out after the month, the branches with their sizes) whatever the subtree's size up to 1000 branches.
 * A member who left after the month counts in the branch they left, the `fromBranchId` of their first
 * transfer after it: they are a candidate of every branch they left since, and the counting stages keep
 * them in the right one.
 */
export async function planMemberFactsPages(db: Db, target: FactsTarget, pageSize = 500): Promise<MemberFactsPage[]> {
  const [transfers, sizes] = await Promise.all([findLaterTransfers(db, target.nodeId, target.month), branchSizes(db, target.nodeId)]);
  const leaversOf = new Map<string, Set<string>>();
  for (const { memberId, fromBranchId } of transfers)
    leaversOf.set(fromBranchId, (leaversOf.get(fromBranchId) ?? new Set<string>()).add(memberId));
  const candidates = new Map(sizes);
  for (const [branchId, ids] of leaversOf) candidates.set(branchId, (candidates.get(branchId) ?? 0) + ids.size);
  // Branch ids are ASCII (`org-…`): code-unit order is the database's order.
  const ordered = [...candidates.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const runs: { branchIds: string[]; candidates: number }[] = [];
  for (const branchId of ordered) {
    const n = candidates.get(branchId)!;
    const last = runs[runs.length - 1];
    if (last && last.candidates + n <= pageSize) {
      last.branchIds.push(branchId);
      last.candidates += n;
    } else runs.push({ branchIds: [branchId], candidates: n });
  }
  return runs.flatMap((run) => {
    const cuts = Math.max(1, Math.ceil(run.candidates / pageSize));
    return Array.from({ length: cuts }, (_, k) => ({ branchIds: run.branchIds, skip: k * pageSize, limit: pageSize }));
  });
}

/**
 * The members of one planned page, facts joined, in branch then id order: 2 requests (the transfers out of
 * the page's branches after the month, then one pipeline). The leavers are read at each page, not at
 * planning: one who moves between the plan and the page (a resumable export keeps its plan for minutes) is
 * still found in the branch they counted in, and only there.
 */
export async function findMemberFactsPage(db: Db, target: FactsTarget, page: MemberFactsPage): Promise<MemberFactsRow[]> {
  const { end } = monthBounds(target.month);
  const leaverIds = [...new Set((await findLaterTransfers(db, page.branchIds, target.month)).map((t) => t.memberId))];
  const current = { orgPath: target.nodeId, branchId: { $in: [...page.branchIds] } };
  const docs = await runPipeline(db, COLLECTIONS.members, [
    { $match: leaverIds.length === 0 ? current : { $or: [current, { _id: { $in: leaverIds } }] } },
    ...countingStages(target.nodeId, end),
    { $match: { branchId: { $in: [...page.branchIds] } } },
    { $sort: { branchId: 1, _id: 1 } },
    { $skip: page.skip },
    { $limit: page.limit },
    ...factsStages(target),
  ]);
  return docs.map(toFactsRow);
}

/**
 * (c) The facts of every member counting in a subtree for the month, a page at a time, in branch then id
 * order: 2 requests to plan, then 2 per page, each joining and counting only its own members (paging by
 * `$skip` over the whole sorted subtree made every page redo the transfers lookup of all of it).
 */
export async function* memberMonthFactsPages(db: Db, target: FactsTarget, pageSize = 500): AsyncGenerator<MemberFactsRow[]> {
  for (const page of await planMemberFactsPages(db, target, pageSize)) {
    const rows = await findMemberFactsPage(db, target, page);
    if (rows.length > 0) yield rows;
  }
}
