import type { Thresholds } from '@zbxx/contracts';
import { DEFAULT_THRESHOLDS } from '@zbxx/domain';
import { statsSettingsRepo, type Db } from '@zbxx/server';

/** The scheduled 催学 runs on these days of the month unless a subtree says otherwise. */
export const DEFAULT_REMINDER_DAYS = [5, 15];

export interface EffectiveSettings {
  thresholds: Thresholds;
  reminderDays: number[];
  source: 'node' | 'ancestor' | 'default';
}

/** The settings of the nearest node on the path (county … node) that has some: one request. */
export async function effectiveSettings(db: Db, path: readonly string[]): Promise<EffectiveSettings> {
  const docs = await statsSettingsRepo.findSettingsOnPath(db, path);
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const doc = byId.get(path[i]!);
    if (doc)
      return {
        thresholds: { ...doc.thresholds },
        reminderDays: [...doc.reminderDays],
        source: i === path.length - 1 ? 'node' : 'ancestor',
      };
  }
  return { thresholds: { ...DEFAULT_THRESHOLDS }, reminderDays: [...DEFAULT_REMINDER_DAYS], source: 'default' };
}
