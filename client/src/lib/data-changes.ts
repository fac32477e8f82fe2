/**
 * Which server data a write changed, so every mounted view showing it reloads (a page below in the stack
 * stays mounted: after importing on one page, the bank totals or roster counts of another must not stay stale).
 * Plain in-memory listeners: no platform call, the same in weapp and h5.
 */
export type DataTopic = 'questionBank' | 'roster' | 'orgTree' | 'studyPlans' | 'quizRounds';

const listeners = new Map<DataTopic, Set<() => void>>();

/** Each listener runs once, however many of its topics changed. */
export function notifyChanged(...topics: readonly DataTopic[]): void {
  const due = new Set(topics.flatMap((topic) => [...(listeners.get(topic) ?? [])]));
  for (const listener of due) listener();
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
