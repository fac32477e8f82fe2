import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `checkinReminders`: a member's one-time consent to a day-before reminder of one event (订阅消息: one message
 * per consent). `remindAt` is when it becomes due; `sentAt` is set once sent, so a reminder goes out once.
 */
export interface CheckinReminderDoc {
  _id: string;
  eventId: string;
  memberId: string;
  openid: string;
  orgPath: string[];
  theme: string;
  place: string;
  startsAt: Date;
  remindAt: Date;
  sentAt: Date | null;
  createdAt: Date;
}

export function reminderId(eventId: string, memberId: string): string {
  return `${eventId}_${memberId}`;
}

export async function putReminder(store: DocStore, reminder: CheckinReminderDoc): Promise<void> {
  const { _id, ...data } = reminder;
  await store.collection(COLLECTIONS.checkinReminders).doc(_id).set({ data });
}

export async function findRemindersOfMember(db: Db, memberId: string, eventIds: readonly string[]): Promise<CheckinReminderDoc[]> {
  if (eventIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.checkinReminders)
    .where({ memberId, eventId: _.in([...eventIds]) })
    .limit(eventIds.length)
    .get();
  return res.data as unknown as CheckinReminderDoc[];
}

/** Unsent reminders inside some subtrees (a branch id is a subtree too) that are due at `now`. */
export async function findDueReminders(db: Db, roots: readonly string[], now: Date, max = 500): Promise<CheckinReminderDoc[]> {
  if (roots.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.checkinReminders)
    .where({ orgPath: _.in([...roots]), sentAt: null, remindAt: _.lte(now), startsAt: _.gt(now) })
    .limit(max)
    .get();
  return res.data as unknown as CheckinReminderDoc[];
}

/** Every unsent reminder that is due at `now`, whatever the org: for the timer, which has no caller scope. */
export async function findAllDueReminders(db: Db, now: Date, max = 500): Promise<CheckinReminderDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.checkinReminders)
    .where({ sentAt: null, remindAt: _.lte(now), startsAt: _.gt(now) })
    .limit(max)
    .get();
  return res.data as unknown as CheckinReminderDoc[];
}

export async function markReminderSent(store: DocStore, id: string, at: Date): Promise<void> {
  await store
    .collection(COLLECTIONS.checkinReminders)
    .doc(id)
    .update({ data: { sentAt: at } });
}
