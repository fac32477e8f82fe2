import { useEffect } from 'react';
import { onChanged, type DataTopic } from '../lib/data-changes';

/** Reloads a view (`useAsync`'s reload) whenever a write elsewhere changes one of `topics`. */
export function useReloadOn(topics: readonly DataTopic[], reload: () => void): void {
  const key = topics.join(',');
  useEffect(
    () => onChanged(key.split(',') as DataTopic[], reload),
    // topics by value: callers pass a fresh array literal each render.
    [key, reload],
  );
}
