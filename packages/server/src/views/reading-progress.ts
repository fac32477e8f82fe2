import type { ReadingProgress } from '@zbxx/contracts';
import { readingView } from '@zbxx/domain';
import type { StudyProgressDoc } from '../repositories/study-progress';

type ProgressFields = Omit<StudyProgressDoc, 'batchIds'> & { batchIds?: string[] };

/** A member's reading of one material as clients see it (unread when there is no progress document). */
export function progressOf(doc: ProgressFields | null | undefined): ReadingProgress {
  if (!doc) return { status: 'unread', percent: 0, position: 0, completedAt: null };
  const view = readingView({
    furthest: doc.furthest,
    creditedSeconds: doc.creditedSeconds,
    completedAt: doc.completedAt ? new Date(doc.completedAt).getTime() : null,
  });
  return { ...view, position: doc.position, completedAt: doc.completedAt ? new Date(doc.completedAt).toISOString() : null };
}

/** Progress documents of one member, by material id. */
export function byMaterial<T extends { materialId: string }>(docs: readonly T[]): Map<string, T> {
  return new Map(docs.map((doc) => [doc.materialId, doc]));
}
