import type { Geofence } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `checkinEvents`: one document per 主题党日 event of a branch. `secret` (20 random bytes, hex) derives the
 * rotating check-in codes and never leaves the server. `orgPath` (county … branch) lets higher levels count
 * attendance by subtree; `materialIds` are the make-up (补学) materials.
 */
export interface CheckinEventDoc {
  _id: string;
  branchId: string;
  branchName: string;
  orgPath: string[];
  /** YYYY-MM (Asia/Shanghai) of the start. */
  month: string;
  theme: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  checkinOpensAt: Date;
  lateAfter: Date;
  geofence: Geofence | null;
  materialIds: string[];
  /** The bank category of the 补学测验; absent on events saved before it existed. */
  quizCategory?: string | null;
  secret: string;
  closedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A branch holds about one event a month: the latest 50 cover years, one indexed query. */
export async function findEventsOfBranch(db: Db, branchId: string, max = 50): Promise<CheckinEventDoc[]> {
  const res = await db.collection(COLLECTIONS.checkinEvents).where({ branchId }).orderBy('startsAt', 'desc').limit(max).get();
  return res.data as unknown as CheckinEventDoc[];
}

/**
 * A member's view: the branch's events starting after `since` (recent and upcoming), one indexed query. A
 * branch holds a handful a quarter; 50 is far beyond that.
 */
export async function findEventsOfBranchSince(db: Db, branchId: string, since: Date, max = 50): Promise<CheckinEventDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.checkinEvents)
    .where({ branchId, startsAt: _.gte(since) })
    .orderBy('startsAt', 'desc')
    .limit(max)
    .get();
  return res.data as unknown as CheckinEventDoc[];
}

export async function getEvent(store: DocStore, eventId: string): Promise<CheckinEventDoc | null> {
  const res = await store.collection(COLLECTIONS.checkinEvents).doc(eventId).get();
  return res.data as unknown as CheckinEventDoc | null;
}

export async function putEvent(store: DocStore, event: CheckinEventDoc): Promise<void> {
  const { _id, ...data } = event;
  await store.collection(COLLECTIONS.checkinEvents).doc(_id).set({ data });
}

export async function setClosedAt(store: DocStore, eventId: string, closedAt: Date): Promise<void> {
  await store
    .collection(COLLECTIONS.checkinEvents)
    .doc(eventId)
    .update({ data: { closedAt, updatedAt: closedAt } });
}

export async function removeEvent(store: DocStore, eventId: string): Promise<void> {
  await store.collection(COLLECTIONS.checkinEvents).doc(eventId).remove();
}
