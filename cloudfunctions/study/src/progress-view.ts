import type { ReadingProgress } from '@zbxx/contracts';
import { readingView, type ReadingState } from '@zbxx/domain';
import type { StudyProgressDoc } from '@zbxx/server';

type ProgressFields = Omit<StudyProgressDoc, 'batchIds'> & { batchIds?: string[] };

export function progressOf(doc: ProgressFields | null | undefined): ReadingProgress {
  if (!doc) return { status: 'unread', percent: 0, position: 0, completedAt: null };
  const view = readingView({ furthest: doc.furthest, creditedSeconds: doc.creditedSeconds, completedAt: doc.completedAt ? new Date(doc.completedAt).getTime() : null });
  return { ...view, position: doc.position, completedAt: doc.completedAt ? new Date(doc.completedAt).toISOString() : null };
}

export function stateOf(doc: StudyProgressDoc): ReadingState {
  return {
    creditedSeconds: doc.creditedSeconds,
    furthest: doc.furthest,
    position: doc.position,
    lastSeenAt: new Date(doc.lastSeenAt).getTime(),
    completedAt: doc.completedAt ? new Date(doc.completedAt).getTime() : null,
    batchIds: doc.batchIds,
  };
}

export function withState(doc: StudyProgressDoc, state: ReadingState, now: Date): StudyProgressDoc {
  return {
    ...doc,
    creditedSeconds: state.creditedSeconds,
    furthest: state.furthest,
    position: state.position,
    lastSeenAt: new Date(state.lastSeenAt),
    completedAt: state.completedAt === null ? null : new Date(state.completedAt),
    batchIds: state.batchIds,
    updatedAt: now,
  };
}

/** Progress documents of one member, by material id. */
export function byMaterial<T extends { materialId: string }>(docs: readonly T[]): Map<string, T> {
  return new Map(docs.map((doc) => [doc.materialId, doc]));
}
