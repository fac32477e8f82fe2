import { memberMonthStatus, type AttendanceState, type MemberMonthStatus } from '@zbxx/domain';
import type { EventSheetRow } from '@zbxx/server/src/xlsx/stats-workbook';
import { exportFileName } from '../export/export-request';
import { compareSortKeys } from '../export/org-labels';
import { YearFiguresTally } from '../export/year-figures';

/** A member's month from the domain rule: one plan (2 materials), one round, one event in their branch. */
function status(done: number, attempt: { score: number; passed: boolean } | null, state: AttendanceState | null): MemberMonthStatus {
  return memberMonthStatus(
    {
      memberId: 'm',
      branchId: 'b',
      orgPath: ['c', 'b'],
      completedMaterialIds: ['x', 'y'].slice(0, done),
      attempts: attempt ? [{ roundId: 'r', ...attempt, finishedAt: new Date(0) }] : [],
      attendance: state ? [{ eventId: 'e', state }] : [],
    },
    {
      plans: [{ orgId: 'c', requiredMaterialIds: ['x', 'y'] }],
      rounds: [{ roundId: 'r', orgId: 'c', grading: 'best', maxScore: 100 }],
      eventsByBranch: { b: ['e'] },
    },
  );
}

const event = (over: Partial<EventSheetRow>): EventSheetRow => ({
  month: '2026-01',
  branchName: '东关社区党支部',
  theme: '主题',
  place: '会议室',
  startsAt: new Date('2026-01-10T01:00:00Z'),
  expected: 10,
  present: 0,
  late: 0,
  excused: 0,
  madeUp: 0,
  absent: 0,
  pending: 0,
  ...over,
});

describe('YearFiguresTally', () => {
  it('counts members once over the months, person-times every time, and rates from the summed counts', () => {
    const tally = new YearFiguresTally();
    tally.addMemberMonth('a', status(2, { score: 90, passed: true }, 'present'));
    tally.addMemberMonth('a', status(1, { score: 50, passed: false }, 'absent'));
    tally.addMemberMonth('b', status(0, null, 'madeUp'));
    tally.addMemberMonth('c', status(2, null, 'excused'));
    tally.addRequiredMaterials(['x', 'y']);
    tally.addRequiredMaterials(['y', 'z']);
    // Held, and not held yet (its check-ins don't count either: never 0 次 next to 2 人次).
    tally.addEvent(event({ present: 7, late: 1, madeUp: 1 }), true);
    tally.addEvent(event({ present: 2, startsAt: new Date('2026-03-10T01:00:00Z') }), false);

    expect(tally.figures({ nodeName: '清河县委组织部', fromMonth: '2026-01', toMonth: '2026-02' })).toEqual({
      nodeName: '清河县委组织部',
      fromMonth: '2026-01',
      toMonth: '2026-02',
      members: 3,
      partyDaysHeld: 1,
      partyDayPersonTimes: 8,
      madeUpPersonTimes: 1,
      membersReachedByPartyDay: 2,
      materialsPublished: 3,
      studyPersonTimes: 5,
      quizParticipants: 1,
      quizPersonTimes: 2,
      quizAverageScore: 70,
      quizPassRate: 0.5,
    });
  });

  it('has no rates when nobody answered', () => {
    const figures = new YearFiguresTally().figures({ nodeName: 'n', fromMonth: '2026-01', toMonth: '2026-01' });
    expect([figures.members, figures.quizAverageScore, figures.quizPassRate]).toEqual([0, null, null]);
  });
});

describe('exportFileName', () => {
  it('names the node and the range, one month without a span', () => {
    expect(exportFileName('清河县委组织部', ['2026-01', '2026-02', '2026-11'])).toBe('清河县委组织部_2026-01至2026-11_统计.xlsx');
    expect(exportFileName('城关镇党委', ['2026-11'])).toBe('城关镇党委_2026-11_统计.xlsx');
  });

  it('replaces characters a file system refuses', () => {
    expect(exportFileName('县直/机关 工委', ['2026-11'])).toBe('县直_机关_工委_2026-11_统计.xlsx');
  });
});

describe('compareSortKeys', () => {
  it('orders as the tree lists nodes: by position at each level, parents before children', () => {
    const keys = [[1, 0], [0, 2], [0], [0, 1, 5], [1]];
    expect([...keys].sort(compareSortKeys)).toEqual([[0], [0, 1, 5], [0, 2], [1], [1, 0]]);
  });
});
