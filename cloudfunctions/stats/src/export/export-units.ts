/**
 * What one unit of the export reads, as the rows its part keeps: raw enough that the final write presents them
 * exactly as a single pass would (`parts-workbook-source.ts`). Every member's month is judged here by the
 * domain's `memberMonthStatus`, 汇总 by the same rule as pipeline stages: the views' own definitions.
 */
import { memberMonthStatus, type AttendanceState, type GroupTotals } from '@zbxx/domain';
import {
  analyseRoundItems,
  findMemberFactsPage,
  loadMonthRequirements,
  planMemberFactsPages,
  type Db,
  type FactsTarget,
  type MemberFactsPage,
  type MonthRequirementsOfScope,
} from '@zbxx/server';
import type { ItemSheetRow } from '@zbxx/server/src/xlsx/stats-workbook';
import { attendanceCounts, findMonthEvents, totalsByBranch, type ExportEvent } from './export-queries';
import type { ExportJobDoc } from './export-jobs';
import { MEMBER_PAGE, type ExportUnit } from './export-plan';
import { packMemberRow, type MemberPartRow } from './member-part-row';
import { loadOrgLabels, type OrgLabels } from './org-labels';

export interface SummaryPartRow {
  branchId: string;
  totals: GroupTotals;
}
export interface EventPartRow {
  event: ExportEvent;
  counts: Partial<Record<AttendanceState, number>>;
}
export type ItemPartRow = ItemSheetRow;

export interface UnitOutcome {
  rows: unknown[];
  /** The month's required materials (from its 汇总 unit), for 年度数据. */
  materialIds?: readonly string[];
}

// createdAt: the instant every figure of the export is taken at, whichever call computes it.
type JobScope = Pick<ExportJobDoc, 'nodeId' | 'nodePath' | 'nodeType' | 'createdAt'>;

/**
 * Reads units for one step, keeping what several units of the step share (a month's requirements, the
 * subtree's names) for the step's length only.
 */
export class UnitReader {
  private readonly requirements = new Map<string, Promise<MonthRequirementsOfScope>>();
  private labels: Promise<OrgLabels> | null = null;

  constructor(
    private readonly db: Db,
    private readonly job: JobScope,
  ) {}

  /** The month's member pages: runs of whole branches of about a page each (2 requests). */
  async planMemberPages(month: string): Promise<MemberFactsPage[]> {
    return planMemberFactsPages(this.db, await this.targetOf(month), MEMBER_PAGE);
  }

  /** `memberPages`: the month's planned pages, for a 党员明细 unit. */
  async run(unit: Exclude<ExportUnit, { sheet: 'write' }>, memberPages: readonly MemberFactsPage[] = []): Promise<UnitOutcome> {
    const { month } = unit;
    const monthReq = await this.requirementsOf(month);
    const target = await this.targetOf(month);
    switch (unit.sheet) {
      case 'summary': {
        const byBranch = await totalsByBranch(this.db, target, monthReq.req);
        const rows: SummaryPartRow[] = [...byBranch].map(([branchId, totals]) => ({ branchId, totals }));
        return { rows, materialIds: monthReq.requiredMaterialIds };
      }
      case 'members': {
        const page = memberPages[unit.page];
        // A month without members has one empty page.
        const facts = page ? await findMemberFactsPage(this.db, target, page) : [];
        const rows: MemberPartRow[] = facts.map((f) =>
          packMemberRow({
            memberId: f.memberId,
            branchId: f.branchId,
            name: f.name,
            duty: f.duty,
            status: memberMonthStatus(f, monthReq.req),
          }),
        );
        return { rows };
      }
      case 'events': {
        const events = await findMonthEvents(this.db, this.job.nodeId, month);
        const counts = await attendanceCounts(
          this.db,
          events.map((e) => e._id),
        );
        const rows: EventPartRow[] = events.map((event) => ({ event, counts: counts.get(event._id) ?? {} }));
        return { rows };
      }
      case 'items': {
        // Rounds published at the node or inside its subtree (the admin's own, as the quiz function's analysis allows).
        const subtree = (await this.orgLabels()).subtreeIds();
        const rows: ItemPartRow[] = [];
        for (const round of monthReq.req.rounds.filter((r) => subtree.has(r.orgId))) {
          const title = monthReq.tasks.rounds.find((r) => r.roundId === round.roundId)?.title ?? round.roundId;
          const analysis = await analyseRoundItems(this.db, round.roundId);
          for (const item of analysis.items) rows.push({ roundTitle: title, month, ...item });
        }
        return { rows };
      }
    }
  }

  private requirementsOf(month: string): Promise<MonthRequirementsOfScope> {
    let found = this.requirements.get(month);
    if (!found) {
      found = loadMonthRequirements(
        this.db,
        { nodeId: this.job.nodeId, nodePath: this.job.nodePath, isBranch: this.job.nodeType === 'branch' },
        month,
      );
      this.requirements.set(month, found);
    }
    return found;
  }

  private async targetOf(month: string): Promise<FactsTarget> {
    const { requiredMaterialIds, roundIds } = await this.requirementsOf(month);
    return { month, nodeId: this.job.nodeId, requiredMaterialIds, roundIds, now: new Date(this.job.createdAt) };
  }

  private orgLabels(): Promise<OrgLabels> {
    this.labels ??= loadOrgLabels(this.db, this.job.nodeId);
    return this.labels;
  }
}
