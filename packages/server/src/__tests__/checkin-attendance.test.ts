import { newAttendanceRecord, transition, type AttendanceEvent } from '@zbxx/domain';
import type { DbDocumentRef, DocData, DocStore } from '../db';
import { HistoryRewriteError, writeAttendance, type AttendanceDoc } from '../repositories/checkin-attendance';

/** A document store in memory: enough for the write guard, which never queries. */
function memoryStore(): DocStore & { docs: Map<string, DocData> } {
  const docs = new Map<string, DocData>();
  const ref = (id: string): DbDocumentRef => ({
    get: async () => ({ data: docs.get(id) ?? null }),
    set: async ({ data }) => void docs.set(id, { _id: id, ...data }),
    update: async () => ({ stats: { updated: 0 } }),
    remove: async () => ({ stats: { removed: Number(docs.delete(id)) } }),
  });
  return { docs, collection: () => ({ doc: ref, add: async () => ({ _id: 'x' }) }) };
}

const at = new Date('2026-05-10T01:00:00Z');
const event: AttendanceEvent = {
  id: 'ev-1',
  startsAt: at,
  endsAt: new Date(at.getTime() + 7_200_000),
  checkinOpensAt: new Date(at.getTime() - 1_800_000),
  lateAfter: at,
  closedAt: null,
};
const checkedIn = () => {
  const result = transition(
    newAttendanceRecord('ev-1', 'm-1'),
    { type: 'checkIn', method: 'scan' },
    { role: 'member', memberId: 'm-1' },
    new Date(at.getTime() - 60_000),
    event,
  );
  if (!result.ok || !result.changed) throw new Error('setup');
  return result.record;
};

describe('writeAttendance (the only write path of attendance)', () => {
  it('writes a record that adds exactly one history entry', async () => {
    const store = memoryStore();
    await writeAttendance(store, null, checkedIn(), 'b-1', at);
    expect(store.docs.get('ev-1_m-1')).toMatchObject({
      state: 'present',
      branchId: 'b-1',
      history: [expect.objectContaining({ to: 'present' })],
    });
  });

  it('refuses to change a state without a history entry, to drop or edit entries, or to add two', async () => {
    const store = memoryStore();
    const previous = { ...checkedIn(), _id: 'ev-1_m-1', branchId: 'b-1', updatedAt: at } as AttendanceDoc;
    const silent = { ...previous, state: 'absent' as const };
    await expect(writeAttendance(store, previous, silent, 'b-1', at)).rejects.toBeInstanceOf(HistoryRewriteError);
    const edited = {
      ...previous,
      state: 'late' as const,
      history: [
        { ...previous.history[0]!, to: 'late' as const },
        { ...previous.history[0]!, from: 'late' as const, to: 'late' as const },
      ],
    };
    await expect(writeAttendance(store, previous, edited, 'b-1', at)).rejects.toBeInstanceOf(HistoryRewriteError);
    const erased = { ...newAttendanceRecord('ev-1', 'm-1') };
    await expect(writeAttendance(store, previous, erased, 'b-1', at)).rejects.toBeInstanceOf(HistoryRewriteError);
    const twice = {
      ...previous,
      state: 'absent' as const,
      history: [
        ...previous.history,
        { ...previous.history[0]!, from: 'present' as const, to: 'late' as const },
        { ...previous.history[0]!, from: 'late' as const, to: 'absent' as const },
      ],
    };
    await expect(writeAttendance(store, previous, twice, 'b-1', at)).rejects.toBeInstanceOf(HistoryRewriteError);
    expect(store.docs.size).toBe(0);
  });
});
