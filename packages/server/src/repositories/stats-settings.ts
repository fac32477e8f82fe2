import type { Thresholds } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `statsSettings`: per org node (id = the node's id), the thresholds its subtree's rates are highlighted
 * against and the days of the month the scheduled 催学 runs there. A node without a document inherits from
 * its nearest ancestor that has one.
 */
export interface StatsSettingsDoc {
  _id: string;
  thresholds: Thresholds;
  reminderDays: number[];
  updatedAt: Date;
  updatedBy: string;
}

/** The settings documents along an org path (county … node): one request, the caller picks the nearest. */
export async function findSettingsOnPath(db: Db, orgPath: readonly string[]): Promise<StatsSettingsDoc[]> {
  if (orgPath.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.statsSettings)
    .where({ _id: _.in([...orgPath]) })
    .limit(orgPath.length)
    .get();
  return res.data as unknown as StatsSettingsDoc[];
}

export async function putSettings(store: DocStore, settings: StatsSettingsDoc): Promise<void> {
  const { _id, ...data } = settings;
  await store.collection(COLLECTIONS.statsSettings).doc(_id).set({ data });
}
