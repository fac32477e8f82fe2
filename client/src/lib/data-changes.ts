/**
 * Which server data a write changed, so every mounted view showing it reloads (a page below in the stack
 * stays mounted: after importing on one page, the bank totals or roster counts of another must not stay stale).
 * Plain in-memory listeners: no platform call, the same in weapp and h5.
 */
export type DataTopic = 'questionBank' | 'roster' | 'orgTree' | 'studyPlans' | 'quizRounds';

const listeners = new Map<DataTopic, Set<() => void>>();

export function notifyChanged(...topics: readonly DataTopic[]): void {
  for (const topic of topics) for (const listener of [...(listeners.get(topic) ?? [])]) listener();
}

/** Calls `listener` whenever one of `topics` changes; returns the unsubscribe. */
export function onChanged(topics: readonly DataTopic[], listener: () => void): () => void {
  for (const topic of topics) {
    const set = listeners.get(topic) ?? new Set<() => void>();
    set.add(listener);
    listeners.set(topic, set);
  }
  return () => {
    for (const topic of topics) listeners.get(topic)?.delete(listener);
  };
}
