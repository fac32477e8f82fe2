import { useState } from 'react';
import { shanghaiMonth, shiftMonth } from '../lib/month-step';
import { statsService } from '../services/stats';
import { useAsync } from './use-async';

/** 组织部统计: a node of the admin's subtree (default: its root) and a month; drilling down changes the node. */
export function useRollup(initialNodeId?: string, service: Pick<typeof statsService, 'rollup'> = statsService) {
  const latest = shanghaiMonth();
  const [nodeId, setNodeId] = useState<string | undefined>(initialNodeId);
  const [month, setMonth] = useState(latest);
  const { state, reload } = useAsync(() => service.rollup({ nodeId, month }), [nodeId, month]);
  return {
    state,
    reload,
    month,
    canNext: month < latest,
    previous: () => setMonth((m) => shiftMonth(m, -1)),
    next: () => setMonth((m) => (m < latest ? shiftMonth(m, 1) : m)),
    openNode: setNodeId,
  };
}
