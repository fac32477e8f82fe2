/**
 * The two reads the export needs beyond the stats query layer (`@zbxx/server` stats/): month totals grouped by
 * branch (the roll-up's own stages, grouped one level finer than `rollUpByChild`), and the 主题党日 events of the
 * range with what the events sheet shows.
 */
import type { AttendanceState, GroupTotals, MonthRequirements } from '@zbxx/domain';
import { checkinAttendanceRepo, COLLECTIONS, totalsGroupedBy, type CheckinEventDoc, type Db, type FactsTarget } from '@zbxx/server';

/** Month totals per branch of the node's subtree: 2 requests whatever its size. */
export async function totalsByBranch(db: Db, target: FactsTarget, req: MonthRequirements): Promise<Map<string, GroupTotals>> {
  const byGroup = await totalsGroupedBy(db, { ...target, req }, '$branchId');
  return new Map([...byGroup].flatMap(([branchId, totals]) => (branchId === null ? [] : [[branchId, totals] as const])));
}

export type ExportEvent = Pick<
  CheckinEventDoc,
  '_id' | 'branchId' | 'branchName' | 'month' | 'theme' | 'place' | 'startsAt' | 'endsAt' | 'closedAt'
>;

const EVENT_PAGE = 1000;
const EVENT_FIELDS = {
  _id: true,
  branchId: true,
  branchName: true,
  month: true,
  theme: true,
  place: true,
  startsAt: true,
  endsAt: true,
  closedAt: true,
} as const;

/** The month's 主题党日 events in the subtree, in start order: one indexed request per 1000. */
export async function findMonthEvents(db: Db, nodeId: string, month: string): Promise<ExportEvent[]> {
  const events: ExportEvent[] = [];
  for (;;) {
    const res = await db
      .collection(COLLECTIONS.checkinEvents)
      .where({ orgPath: nodeId, month })
      .orderBy('startsAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(events.length)
      .limit(EVENT_PAGE)
      .field(EVENT_FIELDS)
      .get();
    events.push(
      ...(res.data as unknown as ExportEvent[]).map((e) => ({
        ...e,
        startsAt: new Date(e.startsAt),
        endsAt: new Date(e.endsAt),
        closedAt: e.closedAt ? new Date(e.closedAt) : null,
      })),
    );
    if (res.data.length < EVENT_PAGE) return events;
  }
}

// countStates answers up to 7 rows per event; 140 events keep an answer under the 1000-row cap.
const EVENTS_PER_COUNT = 140;

/** Attendance records per event and state, a request per 140 events. */
export async function attendanceCounts(
  db: Db,
  eventIds: readonly string[],
): Promise<Map<string, Partial<Record<AttendanceState, number>>>> {
  const counts = new Map<string, Partial<Record<AttendanceState, number>>>();
  for (let i = 0; i < eventIds.length; i += EVENTS_PER_COUNT) {
    for (const [eventId, states] of await checkinAttendanceRepo.countStates(db, eventIds.slice(i, i + EVENTS_PER_COUNT)))
      counts.set(eventId, states);
  }
  return counts;
}
