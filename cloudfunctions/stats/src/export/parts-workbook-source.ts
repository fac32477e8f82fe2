import { emptyTotals, eventAttendanceCounts, mergeTotals, partyDayHeld, ratesOf, type GroupTotals } from '@zbxx/domain';
import type { Db } from '@zbxx/server';
import type {
  EventSheetRow,
  ItemSheetRow,
  MemberSheetRow,
  StatsWorkbookSource,
  SummarySheetRow,
} from '@zbxx/server/src/xlsx/stats-workbook';
import { sheetParts, type ExportJobDoc } from './export-jobs';
import type { EventPartRow, ItemPartRow, SummaryPartRow } from './export-units';
import { unpackMemberRow, type MemberPartRow } from './member-part-row';
import { compareSortKeys, type OrgLabels } from './org-labels';
import { YearFiguresTally } from './year-figures';

/**
 * The workbook's rows, read back from the job's parts as the writer asks for them: one read of a few parts is
 * held at a time. The 年度数据 figures are totalled while 党员明细 and 主题党日 stream past, as before.
 */
export function partsWorkbookSource(db: Db, job: ExportJobDoc, labels: OrgLabels): StatsWorkbookSource {
  const { months } = job;
  // Every figure of the export is taken at the instant it was asked for, whichever call writes it.
  const at = new Date(job.createdAt);
  const tally = new YearFiguresTally();
  tally.addRequiredMaterials(job.materialIds);
  /** Members counting in each branch, per month: the events sheet's 应到 (filled by 汇总, which the writer reads first). */
  const branchMembers = new Map<string, Map<string, number>>();

  async function* summary(): AsyncGenerator<SummarySheetRow> {
    for await (const { month: m, rows } of sheetParts<SummaryPartRow>(db, job._id, 'summary')) {
      branchMembers.set(m, new Map(rows.map(({ branchId, totals }) => [branchId, totals.members])));
      const branches = rows
        .map(({ branchId, totals }) => ({ label: labels.branch(branchId), totals }))
        .sort((a, b) => compareSortKeys(a.label.sortKey, b.label.sortKey));
      let total: GroupTotals = emptyTotals();
      for (const { label, totals } of branches) {
        total = mergeTotals(total, totals);
        yield {
          month: m,
          kind: 'branch',
          parents: label.parents,
          branchName: label.name,
          retired: label.retired,
          members: totals.members,
          complete: totals.complete,
          rates: ratesOf(totals),
        };
      }
      yield {
        month: m,
        kind: 'total',
        parents: [labels.node.name],
        branchName: '',
        retired: false,
        members: total.members,
        complete: total.complete,
        rates: ratesOf(total),
      };
    }
  }

  async function* members(): AsyncGenerator<MemberSheetRow> {
    for await (const { month, rows } of sheetParts<MemberPartRow>(db, job._id, 'members')) {
      for (const packed of rows) {
        const row = unpackMemberRow(packed);
        tally.addMemberMonth(row.memberId, row.status);
        yield { month, branchName: labels.nameOf(row.branchId), name: row.name, duty: row.duty, status: row.status };
      }
    }
  }

  async function* events(): AsyncGenerator<EventSheetRow> {
    for await (const { rows } of sheetParts<EventPartRow>(db, job._id, 'events')) {
      for (const { event, counts: c } of rows) {
        const times = {
          startsAt: new Date(event.startsAt),
          endsAt: new Date(event.endsAt),
          closedAt: event.closedAt ? new Date(event.closedAt) : null,
        };
        // 应到: members who counted in the branch that month; transfers can add records of members counted elsewhere.
        const counts = eventAttendanceCounts(times, c, branchMembers.get(event.month)?.get(event.branchId) ?? 0, at);
        const row: EventSheetRow = {
          month: event.month,
          branchName: event.branchName,
          theme: event.theme,
          place: event.place,
          startsAt: times.startsAt,
          ...counts,
        };
        tally.addEvent(row, partyDayHeld(times, counts, at));
        yield row;
      }
    }
  }

  async function* items(): AsyncGenerator<ItemSheetRow> {
    for await (const { rows } of sheetParts<ItemPartRow>(db, job._id, 'items')) yield* rows;
  }

  return {
    summary: summary(),
    members: members(),
    events: events(),
    items: items(),
    yearFigures: () => tally.figures({ nodeName: labels.node.name, fromMonth: months[0] ?? '', toMonth: months.at(-1) ?? '' }),
  };
}
