import { emptyTotals, memberMonthStatus, mergeTotals, ratesOf, type GroupTotals } from '@zbxx/domain';
import { analyseRoundItems, loadMonthRequirements, memberMonthFactsPages, type Db, type FactsTarget, type MonthRequirementsOfScope } from '@zbxx/server';
import type { EventSheetRow, ItemSheetRow, MemberSheetRow, StatsWorkbookSource, SummarySheetRow } from '@zbxx/server/src/xlsx/stats-workbook';
import { attendanceCounts, findMonthEvents, totalsByBranch } from './export-queries';
import type { ExportRequest } from './export-request';
import { compareSortKeys, OrgLabels } from './org-labels';
import { YearFiguresTally } from './year-figures';

// The largest answer an aggregate request may give.
const MEMBER_PAGE = 1000;

/**
 * The export's rows, month by month, read as the writer asks for them: nothing but one page of members and
 * one month's branch totals is held at a time. Every member's month is judged by the domain's
 * `memberMonthStatus` (党员明细) or the same rule as pipeline stages (汇总), the views' own definitions.
 */
export async function buildWorkbookSource(db: Db, request: ExportRequest, now: Date): Promise<StatsWorkbookSource> {
  const { node, nodePath, months } = request;
  const labels = await OrgLabels.load(db, node);
  const tally = new YearFiguresTally();
  const requirements = new Map<string, MonthRequirementsOfScope>();
  for (const month of months) {
    const monthReq = await loadMonthRequirements(db, { nodeId: node._id, nodePath, isBranch: node.type === 'branch' }, month);
    requirements.set(month, monthReq);
    tally.addRequiredMaterials(monthReq.requiredMaterialIds);
  }
  const monthOf = (month: string): MonthRequirementsOfScope => requirements.get(month) as MonthRequirementsOfScope;
  const target = (month: string): FactsTarget => ({ month, nodeId: node._id, requiredMaterialIds: monthOf(month).requiredMaterialIds, roundIds: monthOf(month).roundIds });
  /** Members counting in each branch, per month: the events sheet's 应到 (filled by 汇总, which the writer reads first). */
  const branchMembers = new Map<string, Map<string, number>>();

  async function* summary(): AsyncGenerator<SummarySheetRow> {
    for (const month of months) {
      const byBranch = await totalsByBranch(db, target(month), monthOf(month).req);
      branchMembers.set(month, new Map([...byBranch].map(([branchId, totals]) => [branchId, totals.members])));
      const branches = [...byBranch].map(([branchId, totals]) => ({ label: labels.branch(branchId), totals })).sort((a, b) => compareSortKeys(a.label.sortKey, b.label.sortKey));
      let total: GroupTotals = emptyTotals();
      for (const { label, totals } of branches) {
        total = mergeTotals(total, totals);
        yield { month, kind: 'branch', parents: label.parents, branchName: label.name, retired: label.retired, members: totals.members, complete: totals.complete, rates: ratesOf(totals) };
      }
      yield { month, kind: 'total', parents: [node.name], branchName: '', retired: false, members: total.members, complete: total.complete, rates: ratesOf(total) };
    }
  }

  async function* members(): AsyncGenerator<MemberSheetRow> {
    for (const month of months) {
      const { req } = monthOf(month);
      for await (const page of memberMonthFactsPages(db, target(month), MEMBER_PAGE)) {
        for (const facts of page) {
          const status = memberMonthStatus(facts, req);
          tally.addMemberMonth(facts.memberId, status);
          yield { month, branchName: labels.nameOf(facts.branchId), name: facts.name, duty: facts.duty, status };
        }
      }
    }
  }

  async function* events(): AsyncGenerator<EventSheetRow> {
    for (const month of months) {
      const monthEvents = await findMonthEvents(db, node._id, month);
      const counts = await attendanceCounts(db, monthEvents.map((e) => e._id));
      for (const event of monthEvents) {
        const c = counts.get(event._id) ?? {};
        const recorded = Object.values(c).reduce((sum, n) => sum + (n ?? 0), 0);
        // Members who counted in the branch that month; transfers can add records of members counted elsewhere.
        const expected = Math.max(branchMembers.get(month)?.get(event.branchId) ?? 0, recorded);
        const row: EventSheetRow = {
          month,
          branchName: event.branchName,
          theme: event.theme,
          place: event.place,
          startsAt: event.startsAt,
          expected,
          present: c.present ?? 0,
          late: c.late ?? 0,
          excused: (c.excused ?? 0) + (c.leaveRequested ?? 0),
          madeUp: c.madeUp ?? 0,
          absent: (c.absent ?? 0) + (c.expected ?? 0) + (expected - recorded),
        };
        tally.addEvent(row, now);
        yield row;
      }
    }
  }

  /** Rounds published at the node or inside its subtree (the admin's own, as the quiz function's analysis allows). */
  async function* items(): AsyncGenerator<ItemSheetRow> {
    const subtree = labels.subtreeIds();
    for (const month of months) {
      const { req, tasks } = monthOf(month);
      for (const round of req.rounds.filter((r) => subtree.has(r.orgId))) {
        const title = tasks.rounds.find((r) => r.roundId === round.roundId)?.title ?? round.roundId;
        const analysis = await analyseRoundItems(db, round.roundId);
        for (const item of analysis.items) yield { roundTitle: title, month, ...item };
      }
    }
  }

  return {
    summary: summary(),
    members: members(),
    events: events(),
    items: items(),
    yearFigures: () => tally.figures({ nodeName: node.name, fromMonth: months[0] ?? '', toMonth: months.at(-1) ?? '' }),
  };
}
