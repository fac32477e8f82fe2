import type { ReadingState } from '@zbxx/domain';
import type { StudyProgressDoc } from '@zbxx/server';

// Shared with account.home (首页): the views live in @zbxx/server.
export { byMaterial, progressOf } from '@zbxx/server';

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
