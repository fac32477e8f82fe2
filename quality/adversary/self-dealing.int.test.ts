import { monthOf } from '@zbxx/domain';
import type { AttendanceDoc } from '@zbxx/server';
import { qualityCounty, CALLER_OPENIDS, SUBJECT, QUALITY_NOW } from '../support/quality-county';
import { attacker } from './support/attacker';
import { seededCloud } from './support/seeded-cloud';
import { seedMissedEvent } from './support/missed-event';

/**
 * Self-dealing: a branch secretary clears their own attendance record.
 *
 * Attacker: demo-secretary (王建华), secretary of the subject branch and a member of it. Goal: a clean record
 * without attending or making up, using the secretary's own tools on their own row: approve their own leave,
 * mark themselves 出席 without a code, mark themselves 已补学 on a closed event they missed; and, where an
 * old self-made change is in the history, keep it from showing on the sheet.
 * Budget: 10 function calls, 60 s.
 * The attacker wins if any of the three commands is accepted (or changes any data), or the sheet shows a
 * self-made change in the history without flagging it.
 * The instant is the moment the suite runs (the functions read the wall clock until devcloud's test clock lands).
 */

jest.setTimeout(120_000);

// The suite's instant: the county is generated for it and devcloud's test clock is set to it.
const TODAY = QUALITY_NOW;
const county = qualityCounty();
const secretaryId = county.memberIds.ownSecretary;
const missed = seedMissedEvent(county, {
  id: 'adv-ev-secretary-missed',
  branchId: SUBJECT.branchId,
  today: TODAY,
  daysAgo: 5,
  absent: [secretaryId],
});
// An old record (from before the rule) where the secretary marked themselves 补学: the history shows it.
// Held this month (a few hours before the instant), so this month's matrix shows it too.
const legacy = seedMissedEvent(county, {
  id: 'adv-ev-legacy',
  branchId: SUBJECT.branchId,
  today: TODAY,
  daysAgo: 0.2,
  absent: [secretaryId],
});
const legacyRecord = county.collections.attendance.find((r) => r._id === `${legacy._id}_${secretaryId}`) as AttendanceDoc;
legacyRecord.state = 'madeUp';
legacyRecord.history = [
  ...legacyRecord.history,
  {
    at: new Date(legacy.closedAt!.getTime() + 86_400_000),
    by: secretaryId,
    role: 'secretary',
    command: 'mark',
    from: 'absent',
    to: 'madeUp',
    reason: '已学习',
  },
];

const env = seededCloud(county.collections);

describe('attack: a secretary clears their own attendance', () => {
  it('refuses every change a secretary makes to their own record, with a typed error, and changes nothing', async () => {
    const secretary = attacker(env.qc, CALLER_OPENIDS.ownSecretary, { requests: 10, seconds: 60 });
    const wins: string[] = [];
    const codes: string[] = [];

    // As a member, ask for leave next month (allowed), then approve it as the secretary (not allowed).
    const asked = await secretary.call('checkin', 'requestLeave', { eventId: SUBJECT.nextEventId, reason: '外出开会' });
    expect(asked.ok).toBe(true);
    env.qc.markBaseline();
    const attempts: [string, string, Record<string, unknown>][] = [
      ['approve own leave', 'decideLeave', { eventId: SUBJECT.nextEventId, memberId: secretaryId, approve: true }],
      [
        'mark self 出席 without a code',
        'mark',
        { eventId: SUBJECT.todayEventId, memberId: secretaryId, to: 'present', reason: '本人在场' },
      ],
      ['mark self 已补学 on a missed event', 'mark', { eventId: missed._id, memberId: secretaryId, to: 'madeUp', reason: '已自学' }],
    ];
    for (const [goal, action, data] of attempts) {
      const reply = await secretary.call('checkin', action, data);
      if (reply.ok) wins.push(goal);
      else codes.push(`${reply.error.code} ${reply.error.message}`);
      const written = env.qc.reset();
      if (written.length > 0 && !reply.ok) wins.push(`${goal}: refused but wrote ${written.join(',')}`);
    }
    console.log(`self-dealing: ${JSON.stringify({ wins, codes })}`);
    expect(wins).toEqual([]);
    expect(codes).toEqual(Array(3).fill(expect.stringMatching(/^ATTENDANCE\.SELF_DEALING /)));
  });

  it('flags on the sheet a self-made change the history shows', async () => {
    const reply = await env.qc.call('checkin', 'sheet', { eventId: legacy._id }, CALLER_OPENIDS.ownSecretary);
    if (!reply.ok) throw new Error(reply.error.code);
    const rows = (reply.data as { rows: { memberId: string; selfMade?: boolean }[] }).rows;
    const row = rows.find((r) => r.memberId === secretaryId)!;
    console.log(`self-dealing sheet row: ${JSON.stringify({ memberId: row.memberId, selfMade: row.selfMade })}`);
    expect(row.selfMade).toBe(true);
    expect(rows.filter((r) => r.selfMade).map((r) => r.memberId)).toEqual([secretaryId]);
  });

  it('flags it in the branch matrix too (the export shows the same status)', async () => {
    const reply = await env.qc.call('stats', 'branchMatrix', { month: monthOf(legacy.startsAt) }, CALLER_OPENIDS.ownSecretary);
    if (!reply.ok) throw new Error(reply.error.code);
    const rows = (reply.data as { members: { memberId: string; partyDay: { status: string; selfMade?: boolean } }[] }).members;
    console.log(`self-dealing matrix cell: ${JSON.stringify(rows.find((r) => r.memberId === secretaryId)?.partyDay)}`);
    expect(rows.filter((r) => r.partyDay.selfMade).map((r) => r.memberId)).toEqual([secretaryId]);
  });
});
