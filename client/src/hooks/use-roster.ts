import { useState } from 'react';
import type { RosterFilter } from '@zbxx/contracts';
import { orgService } from '../services/org';
import { useAsync } from './use-async';

export type RosterChip = 'all' | 'bound' | 'unbound' | 'secretary';

export const ROSTER_CHIPS: Array<{ key: RosterChip; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'unbound', label: '未绑定' },
  { key: 'bound', label: '已绑定' },
  { key: 'secretary', label: '支部书记' },
];

const PAGE_SIZE = 20;

function filterOf(orgId: string | undefined, query: string, chip: RosterChip, page: number): RosterFilter {
  return {
    ...(orgId ? { orgId } : {}),
    ...(query.trim() ? { query: query.trim() } : {}),
    ...(chip === 'bound' ? { bound: true } : chip === 'unbound' ? { bound: false } : {}),
    ...(chip === 'secretary' ? { role: 'secretary' as const } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
}

/** 花名册: search text, a filter chip and the page, each change loading the matching page from the server. */
export function useRoster(orgId?: string) {
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [chip, setChip] = useState<RosterChip>('all');
  const [page, setPage] = useState(1);
  const { state, reload } = useAsync(() => orgService.rosterList(filterOf(orgId, submitted, chip, page)), [orgId, submitted, chip, page]);
  const pages = state.kind === 'ready' ? Math.max(1, Math.ceil(state.data.total / PAGE_SIZE)) : 1;
  return {
    state,
    reload,
    query,
    setQuery,
    search: () => {
      setSubmitted(query);
      setPage(1);
    },
    chip,
    setChip: (next: RosterChip) => {
      setChip(next);
      setPage(1);
    },
    page,
    pages,
    setPage,
  };
}
