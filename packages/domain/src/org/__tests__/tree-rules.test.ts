import { canContain, checkMove, rebaseAncestors, rebasedPath } from '../tree-rules';
import { branchAt } from '../transfer-history';

describe('org tree rules', () => {
  it('nests kinds top down', () => {
    expect(canContain('county', 'committee')).toBe(true);
    expect(canContain('committee', 'branch')).toBe(true);
    expect(canContain('general', 'branch')).toBe(true);
    expect(canContain('general', 'general')).toBe(false);
    expect(canContain('branch', 'branch')).toBe(false);
    expect(canContain('committee', 'county')).toBe(false);
  });

  it('refuses a move into the node’s own subtree, a wrong kind, or to the same parent', () => {
    const general = { id: 'g1', type: 'general' as const, parentId: 'c1', ancestors: ['county', 'c1'] };
    expect(checkMove(general, { id: 'b1', type: 'branch', ancestors: ['county', 'c1', 'g1'] })).toEqual({
      ok: false,
      reason: 'into-itself',
    });
    expect(checkMove(general, { id: 'g1', type: 'general', ancestors: ['county', 'c1'] })).toEqual({ ok: false, reason: 'into-itself' });
    expect(checkMove(general, { id: 'g2', type: 'general', ancestors: ['county', 'c2'] })).toEqual({ ok: false, reason: 'kind' });
    expect(checkMove(general, { id: 'c1', type: 'committee', ancestors: ['county'] })).toEqual({ ok: false, reason: 'same-parent' });
    expect(checkMove(general, { id: 'c2', type: 'committee', ancestors: ['county'] })).toEqual({ ok: true });
  });

  it('rebases the moved node’s and its descendants’ paths', () => {
    expect(rebaseAncestors(['county', 'c1'], 'g1', ['county', 'c2'])).toEqual(['county', 'c2']);
    expect(rebaseAncestors(['county', 'c1', 'g1'], 'g1', ['county', 'c2'])).toEqual(['county', 'c2', 'g1']);
    expect(rebasedPath({ id: 'b1', ancestors: ['county', 'c1', 'g1'] }, 'g1', ['county', 'c2'])).toEqual(['county', 'c2', 'g1', 'b1']);
    expect(rebasedPath({ id: 'g1', ancestors: ['county', 'c1'] }, 'g1', ['county', 'c2'])).toEqual(['county', 'c2', 'g1']);
  });
});

describe('branchAt (组织关系转接)', () => {
  const transfers = [
    { at: new Date('2025-03-15T00:00:00Z'), fromBranchId: 'b1', toBranchId: 'b2' },
    { at: new Date('2025-06-01T00:00:00Z'), fromBranchId: 'b2', toBranchId: 'b3' },
  ];
  it('counts a record where the member belonged when it was made', () => {
    expect(branchAt('b3', transfers, new Date('2025-01-10T00:00:00Z'))).toBe('b1');
    expect(branchAt('b3', transfers, new Date('2025-04-10T00:00:00Z'))).toBe('b2');
    expect(branchAt('b3', transfers, new Date('2025-07-10T00:00:00Z'))).toBe('b3');
    expect(branchAt('b1', [], new Date('2025-07-10T00:00:00Z'))).toBe('b1');
  });
});
