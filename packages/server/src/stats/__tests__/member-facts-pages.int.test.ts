import { generateCounty, type DemoCollections } from '@zbxx/demo-data';
import type { Db } from '../../db';
import type { TransferDoc } from '../../repositories/transfers';
import { startSdkDatabase, type SdkDatabase } from '@zbxx/testing';
import { runPipeline } from '../aggregate';
import {
  findLeaverIds,
  findMemberFactsPage,
  memberFactsStages,
  memberMonthFactsPages,
  planMemberFactsPages,
  toFactsRow,
  type FactsTarget,
  type MemberFactsRow,
} from '../member-facts';

/**
 * A subtree month's member pages, planned by runs of whole branches, give exactly the rows and the order of
 * the one pipeline over the whole subtree (branch then id), whatever the page size: with members who moved
 * after the month inside the county, twice, out of it and into it, and branches bigger than a page.
 */
const MONTH = '2025-03';
const AFTER = (day: number) => new Date(Date.UTC(2025, 3, day));

function countyWithMoves(): { collections: DemoCollections; countyId: string; committeeId: string } {
  const collections = generateCounty({
    seed: 4242,
    members: 480,
    branches: 24,
    committees: 3,
    studyMonth: MONTH,
    now: new Date('2025-01-01T00:00:00Z'),
    today: new Date('2025-03-20T04:00:00+08:00'),
    statsEdgeCases: true,
  }).collections;
  const county = collections.orgs.find((o) => o.type === 'county')!;
  const branches = collections.orgs.filter((o) => o.type === 'branch' && !o.retiredAt);
  const pathOf = (branchId: string) => {
    const org = collections.orgs.find((o) => o._id === branchId)!;
    return [...org.ancestors, org._id];
  };
  const committeeId = pathOf(branches[0]!._id)[1]!;
  const elsewhere = ['org-other-county', 'org-other-branch'];
  const move = (memberId: string, to: { branchId: string; orgPath: string[] }, at: Date) => {
    const member = collections.members.find((m) => m._id === memberId)!;
    const transfer: TransferDoc = {
      memberId,
      fromBranchId: member.branchId,
      fromOrgPath: [...member.orgPath],
      toBranchId: to.branchId,
      toOrgPath: to.orgPath,
      at,
      reason: 'transfer',
      actor: { openid: 'test', memberId: null },
      requestId: null,
    };
    collections.transfers.push({ ...transfer, _id: `tr-${memberId}-${at.getTime()}` } as TransferDoc);
    Object.assign(member, { branchId: to.branchId, orgPath: to.orgPath });
  };
  const inBranch = (i: number) => collections.members.filter((m) => m.branchId === branches[i]!._id);
  const to = (i: number) => ({ branchId: branches[i]!._id, orgPath: pathOf(branches[i]!._id) });
  // After the month: across committees, twice, out of the county, and one who came in from outside.
  move(inBranch(0)[0]!._id, to(20), AFTER(2));
  move(inBranch(1)[0]!._id, to(2), AFTER(3));
  move(inBranch(1)[1]!._id, to(21), AFTER(4));
  move(inBranch(1)[1]!._id, to(5), AFTER(9));
  move(inBranch(3)[0]!._id, { branchId: elsewhere[1]!, orgPath: elsewhere }, AFTER(5));
  const newcomer = inBranch(4)[0]!;
  Object.assign(newcomer, { branchId: elsewhere[1], orgPath: elsewhere });
  move(newcomer._id, to(4), AFTER(6));
  return { collections, countyId: county._id, committeeId };
}

describe('memberMonthFactsPages', () => {
  let db: Db;
  let county: ReturnType<typeof countyWithMoves>;
  let sdk: SdkDatabase;

  beforeAll(async () => {
    county = countyWithMoves();
    sdk = await startSdkDatabase(county.collections);
    ({ db } = sdk);
  });

  afterAll(() => sdk.close());

  const targetOf = (nodeId: string): FactsTarget => {
    const { studyPlans, quizRounds } = county.collections;
    return {
      month: MONTH,
      nodeId,
      requiredMaterialIds: studyPlans.filter((p) => p.month === MONTH).flatMap((p) => p.requiredMaterialIds),
      roundIds: quizRounds.filter((r) => r.month === MONTH).map((r) => r._id),
      now: new Date('2025-04-01T00:00:00Z'),
    };
  };

  /** The whole subtree in one pipeline, sorted: what the pages must add up to. */
  async function wholeSubtree(target: FactsTarget): Promise<MemberFactsRow[]> {
    const leavers = await findLeaverIds(db, target.nodeId, target.month);
    const docs = await runPipeline(db, 'members', memberFactsStages(db, target, leavers, { skip: 0, limit: 100_000 }));
    return docs.map(toFactsRow);
  }

  it.each([
    ['the county', 7],
    ['the county', 45],
    ['the county', 1000],
    ['a committee', 30],
  ])('%s in pages of %i: the same rows in the same order', async (scope, pageSize) => {
    const target = targetOf(scope === 'the county' ? county.countyId : county.committeeId);
    const expected = await wholeSubtree(target);
    const pages: MemberFactsRow[][] = [];
    for await (const page of memberMonthFactsPages(db, target, pageSize)) pages.push(page);
    expect(pages.flat()).toEqual(expected);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(pageSize);
    const plan = await planMemberFactsPages(db, target, pageSize);
    expect(pages.length).toBeLessThanOrEqual(plan.length);
    // Every page is a run of whole branches, apart from a branch bigger than a page, cut with `skip`.
    const branchIds = plan.flatMap((page) => (page.skip === 0 ? page.branchIds : []));
    expect(new Set(branchIds).size).toBe(branchIds.length);
    if (pageSize >= expected.length) expect(plan).toHaveLength(1);
  });

  it('counts the movers where they were at the month end', async () => {
    const rows = await wholeSubtree(targetOf(county.countyId));
    const moved = county.collections.transfers.filter((t) => t.at >= AFTER(1));
    const firstMove = new Map<string, TransferDoc>();
    for (const t of [...moved].sort((a, b) => a.at.getTime() - b.at.getTime()))
      if (!firstMove.has(t.memberId)) firstMove.set(t.memberId, t);
    for (const [memberId, t] of firstMove) {
      const row = rows.find((r) => r.memberId === memberId);
      if (t.fromOrgPath.includes(county.countyId)) expect(row?.branchId).toBe(t.fromBranchId);
      else expect(row).toBeUndefined();
    }
    expect(firstMove.size).toBeGreaterThanOrEqual(5); // ours, and any the edge cases add
  });

  // Last: it moves members (after the month, so the month's answer must not change).
  it('a plan kept while members move (as an export job keeps it) still reads every member once, where they counted', async () => {
    const target = targetOf(county.countyId);
    const pageSize = 45;
    const plan = await planMemberFactsPages(db, target, pageSize);
    expect(plan.length).toBeGreaterThanOrEqual(4);
    const before = await wholeSubtree(target);
    const countedIn = new Map(before.map((r) => [r.memberId, r.branchId]));
    const orgOf = (branchId: string) => county.collections.orgs.find((o) => o._id === branchId)!;
    const move = async (memberId: string, toBranchId: string) => {
      const member = (await db.collection('members').doc(memberId).get()).data as { branchId: string; orgPath: string[] };
      const org = orgOf(toBranchId);
      const toOrgPath = [...org.ancestors, org._id];
      await db.collection('transfers').add({
        data: {
          memberId,
          fromBranchId: member.branchId,
          fromOrgPath: member.orgPath,
          toBranchId,
          toOrgPath,
          at: AFTER(28), // later than every move the county holds, as "now" was
          reason: 'transfer',
          actor: { openid: 'test', memberId: null },
          requestId: null,
        },
      });
      await db
        .collection('members')
        .doc(memberId)
        .update({ data: { branchId: toBranchId, orgPath: toOrgPath } });
    };
    const first = plan[0]!.branchIds[0]!;
    const last = plan[plan.length - 1]!.branchIds[0]!;
    const stayer = (branchId: string) =>
      before.find((r) => r.branchId === branchId && !county.collections.transfers.some((t) => t.memberId === r.memberId))!.memberId;
    // A later page's member into an earlier page, an earlier page's member into a later one, and a member who
    // had already moved after the month (counting in the branch of that first move) moving on again.
    const movers = [
      [stayer(last), first],
      [stayer(first), last],
      [
        county.collections.transfers.find(
          (t) => t.at >= AFTER(1) && t.fromOrgPath.includes(county.countyId) && t.toOrgPath.includes(county.countyId),
        )!.memberId,
        last,
      ],
    ] as const;
    for (const [memberId, to] of movers) await move(memberId, to);

    const rows = (await Promise.all(plan.map((page) => findMemberFactsPage(db, target, page)))).flat();
    for (const [memberId] of movers) {
      const found = rows.filter((r) => r.memberId === memberId);
      expect(found).toHaveLength(1);
      expect(found[0]!.branchId).toBe(countedIn.get(memberId));
    }
    expect(rows).toEqual(before);
  });
});
