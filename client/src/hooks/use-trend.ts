import { useState } from 'react';
import { statsService } from '../services/stats';
import { useAsync } from './use-async';

/** The last 6 or 12 months of a node's rates, oldest first. */
export function useTrend(nodeId?: string, service: Pick<typeof statsService, 'trend'> = statsService) {
  const [months, setMonths] = useState<6 | 12>(6);
  const { state, reload } = useAsync(() => service.trend({ nodeId, months }), [nodeId, months]);
  return { state, reload, months, setMonths };
}
