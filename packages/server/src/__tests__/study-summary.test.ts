import { nextEventOf, studySummaryOf } from '../views';

const at = new Date('2026-11-10T02:00:00Z');
const progress = (materialId: string, completed: boolean) => ({
  _id: `m1_${materialId}`,
  memberId: 'm1',
  materialId,
  branchId: 'b1',
  textLength: 1000,
  imageCount: 0,
  creditedSeconds: completed ? 600 : 30,
  furthest: completed ? 1 : 0.4,
  position: 0.4,
  lastSeenAt: at,
  completedAt: completed ? at : null,
  updatedAt: at,
});

describe('studySummaryOf (首页 每月一学 card)', () => {
  const plans = [
    { requiredMaterialIds: ['a', 'b'], dueDate: '2026-11-25' },
    { requiredMaterialIds: ['b', 'gone', 'c'], dueDate: '2026-11-20' },
  ];
  const materials = [
    { _id: 'a', title: '甲' },
    { _id: 'b', title: '乙' },
    { _id: 'c', title: '丙' },
  ];

  it('counts each required material once, takes the earliest due date and the first unfinished one that still exists', () => {
    const summary = studySummaryOf('2026-11', plans, materials, [progress('a', true), progress('b', false)]);
    expect(summary).toMatchObject({ month: '2026-11', required: 4, completed: 1, dueDate: '2026-11-20' });
    expect(summary.next).toMatchObject({ materialId: 'b', title: '乙', progress: { status: 'reading' } });
  });

  it('has no next material once all existing ones are read, and nothing due without plans', () => {
    expect(
      studySummaryOf(
        '2026-11',
        plans,
        materials,
        ['a', 'b', 'c'].map((id) => progress(id, true)),
      ).next,
    ).toBeNull();
    expect(studySummaryOf('2026-11', [], [], [])).toEqual({ month: '2026-11', required: 0, completed: 0, dueDate: null, next: null });
  });
});

describe('nextEventOf', () => {
  const event = (id: string, startsAt: string, endsAt: string, closedAt: Date | null = null) => ({
    id,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    closedAt,
  });
  it('is the earliest event neither closed nor over', () => {
    const now = new Date('2026-11-10T03:00:00Z');
    const events = [
      event('later', '2026-12-10T01:00:00Z', '2026-12-10T03:00:00Z'),
      event('over', '2026-11-09T01:00:00Z', '2026-11-09T03:00:00Z'),
      event('closed', '2026-11-10T01:00:00Z', '2026-11-10T05:00:00Z', now),
      event('running', '2026-11-10T02:00:00Z', '2026-11-10T04:00:00Z'),
    ];
    expect(nextEventOf(events, now)?.id).toBe('running');
    expect(nextEventOf([events[1]!], now)).toBeNull();
  });
});
