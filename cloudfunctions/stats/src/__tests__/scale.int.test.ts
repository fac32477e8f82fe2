import type { BranchMatrix, Envelope, Rollup } from '@zbxx/contracts';
import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import { statsCounty } from './stats-county';

jest.setTimeout(300_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const today = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(today);

interface Requests {
  matrix: number;
  rollup: number;
  committeeRollup: number;
  members: number;
}

/** Database requests of the views in a county of this size (the biggest branch, the county, a committee). */
async function requestsIn(members: number, branches: number): Promise<Requests> {
  const raw = statsCounty({ members, branches, committees: 3, seed: 4242, today });
  const sizes = new Map<string, number>();
  for (const m of raw.members) sizes.set(m.branchId, (sizes.get(m.branchId) ?? 0) + 1);
  const biggest = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const cloud: TestCloud = await startTestCloud({ functions: ['stats'], now: today, seed: raw as unknown as Record<string, object[]> });
  try {
    const run = async <T>(action: string, data: unknown) => {
      const { result, dbRequests } = await cloud.call<Envelope<T>>('stats', { action, data }, DEMO_OPENIDS.admin);
      if (!result.ok) throw new Error(`${action}: ${result.error.code}`);
      return { data: result.data, dbRequests };
    };
    const matrix = await run<BranchMatrix>('branchMatrix', { branchId: biggest, month });
    const rollup = await run<Rollup>('rollup', { month });
    const committee = await run<Rollup>('rollup', { nodeId: 'org-c01', month });
    expect(rollup.data.total.totals.members).toBe(raw.members.length);
    return { matrix: matrix.dbRequests, rollup: rollup.dbRequests, committeeRollup: committee.dbRequests, members: raw.members.length };
  } finally {
    await cloud.close();
  }
}

it('uses the same number of database requests for a county 4× bigger', async () => {
  const small = await requestsIn(240, 12);
  const big = await requestsIn(960, 48);
  expect(big.members).toBe(4 * small.members);
  expect(big).toEqual({ ...small, members: big.members });
  expect(small.matrix).toBeLessThanOrEqual(12);
  expect(small.rollup).toBeLessThanOrEqual(14);
});
