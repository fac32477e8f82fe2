import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `reminderConsents`: a member's unused one-time consents (一次性订阅) to the 催学 template, one document per
 * member (id = memberId). Each 'accept' from `wx.requestSubscribeMessage` allows WeChat to deliver ONE
 * message, so it adds one credit and every send takes one, in the same transaction as the send's record.
 */
export interface ReminderConsentDoc {
  _id: string;
  memberId: string;
  credits: number;
  /** The latest subscribe requests already counted, so a retried one adds nothing (newest last, bounded). */
  requestIds: string[];
  updatedAt: Date;
}

/** How many subscribe request ids a consent remembers: a retry comes within seconds, not 20 requests later. */
export const REMEMBERED_REQUESTS = 20;

export async function getConsent(store: DocStore, memberId: string): Promise<ReminderConsentDoc | null> {
  const res = await store.collection(COLLECTIONS.reminderConsents).doc(memberId).get();
  return res.data ? ({ ...res.data, _id: memberId } as unknown as ReminderConsentDoc) : null;
}

export async function putConsent(store: DocStore, consent: ReminderConsentDoc): Promise<void> {
  const { _id, ...data } = consent;
  await store.collection(COLLECTIONS.reminderConsents).doc(_id).set({ data });
}

/** Credits of some members (absent: none), one indexed lookup. */
export async function findCredits(db: Db, memberIds: readonly string[]): Promise<Map<string, number>> {
  if (memberIds.length === 0) return new Map();
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.reminderConsents)
    .where({ _id: _.in([...memberIds]) })
    .field({ _id: true, credits: true })
    .limit(memberIds.length)
    .get();
  return new Map(res.data.map((doc) => [String(doc._id), Number(doc.credits)]));
}

/** A page of members holding at least one credit, by id: where the scheduled 催学 starts. */
export async function findMembersWithCredits(db: Db, page: number, pageSize = 1000): Promise<string[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.reminderConsents)
    .where({ credits: _.gt(0) })
    .orderBy('_id', 'asc')
    .skip(page * pageSize)
    .field({ _id: true })
    .limit(pageSize)
    .get();
  return res.data.map((doc) => String(doc._id));
}
