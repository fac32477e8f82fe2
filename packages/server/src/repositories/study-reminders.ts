import type { TaskKind } from '@zbxx/contracts';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `studyReminders`: every 催学 sent (by a secretary or the scheduled run). The id is the member and the
 * Asia/Shanghai day, so "at most once a day" is one document per member per day: two senders racing for the
 * same member write the same document, and the transaction of the second one fails or finds it.
 */
export interface StudyReminderDoc {
  _id: string;
  memberId: string;
  /** The branch the member was reminded as a member of. */
  branchId: string;
  /** The month (YYYY-MM) whose tasks the reminder was about. */
  month: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  day: string;
  sentAt: Date;
  missing: TaskKind[];
  by: 'secretary' | 'schedule';
  /** The secretary or admin who sent it; absent for the scheduled run. */
  byMemberId?: string;
  /** The remind request (or scheduled run) that sent it: a retried request recognises its own sends. */
  requestId: string;
}

export function studyReminderId(memberId: string, day: string): string {
  return `${memberId}_${day}`;
}

export async function getStudyReminder(store: DocStore, id: string): Promise<StudyReminderDoc | null> {
  const res = await store.collection(COLLECTIONS.studyReminders).doc(id).get();
  return res.data ? ({ ...res.data, _id: id } as unknown as StudyReminderDoc) : null;
}

export async function putStudyReminder(store: DocStore, reminder: StudyReminderDoc): Promise<void> {
  const { _id, ...data } = reminder;
  await store.collection(COLLECTIONS.studyReminders).doc(_id).set({ data });
}

export async function removeStudyReminder(store: DocStore, id: string): Promise<void> {
  await store.collection(COLLECTIONS.studyReminders).doc(id).remove();
}

/** The reminders of one Shanghai day among some members (by id: one indexed lookup). */
export async function findRemindersOnDay(db: Db, memberIds: readonly string[], day: string): Promise<StudyReminderDoc[]> {
  if (memberIds.length === 0) return [];
  const _ = db.command;
  const ids = memberIds.map((memberId) => studyReminderId(memberId, day));
  const res = await db
    .collection(COLLECTIONS.studyReminders)
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return res.data as unknown as StudyReminderDoc[];
}

/** A branch's sends (about one month's tasks, or any), newest first. */
export async function findBranchReminders(db: Db, branchId: string, month?: string, max = 200): Promise<StudyReminderDoc[]> {
  const res = await db
    .collection(COLLECTIONS.studyReminders)
    .where(month ? { branchId, month } : { branchId })
    .orderBy('sentAt', 'desc')
    .limit(max)
    .get();
  return res.data as unknown as StudyReminderDoc[];
}

/** One member's sends, newest first (a member's drill-down). */
export async function findMemberReminders(db: Db, memberId: string, max = 50): Promise<StudyReminderDoc[]> {
  const res = await db.collection(COLLECTIONS.studyReminders).where({ memberId }).orderBy('sentAt', 'desc').limit(max).get();
  return res.data as unknown as StudyReminderDoc[];
}

/** The latest send per member (a branch matrix's "last reminded"), one aggregate request. */
export async function findLastRemindedAt(db: Db, memberIds: readonly string[]): Promise<Map<string, Date>> {
  if (memberIds.length === 0) return new Map();
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyReminders)
    .aggregate()
    .match({ memberId: _.in([...memberIds]) })
    .group({ _id: '$memberId', sentAt: { $max: '$sentAt' } })
    .limit(memberIds.length)
    .end();
  return new Map(res.list.map((row) => [String(row._id), new Date(row.sentAt as Date)]));
}
