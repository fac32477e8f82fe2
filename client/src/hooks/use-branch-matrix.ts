import { useState } from 'react';
import type { MatrixFilter } from '@zbxx/contracts';
import { shanghaiMonth, shiftMonth } from '../lib/month-step';
import { statsService } from '../services/stats';
import { useAsync } from './use-async';

/**
 * A branch's month matrix (成员 × 学习/答题/党日): the month and the filter tab are the page's state; the server
 * filters the rows and always answers the whole branch's totals. No month after the running one.
 */
export function useBranchMatrix(
  branchId?: string,
  initialMonth?: string,
  service: Pick<typeof statsService, 'branchMatrix'> = statsService,
) {
  const latest = shanghaiMonth();
  const [month, setMonth] = useState(initialMonth && initialMonth <= latest ? initialMonth : latest);
  const [filter, setFilter] = useState<MatrixFilter>('all');
  const { state, reload } = useAsync(() => service.branchMatrix({ branchId, month, filter }), [branchId, month, filter]);
  return {
    state,
    reload,
    month,
    filter,
    setFilter,
    canNext: month < latest,
    previous: () => setMonth((m) => shiftMonth(m, -1)),
    next: () => setMonth((m) => (m < latest ? shiftMonth(m, 1) : m)),
  };
}
