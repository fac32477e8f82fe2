import { isInSubtree, isPathInSubtree, orgPathOf } from '../org-scope';

const branch = { id: 'b1', ancestors: ['county', 'c1', 'g1'] };

describe('org scope', () => {
  it('builds the path from the county down to the node', () => {
    expect(orgPathOf(branch)).toEqual(['county', 'c1', 'g1', 'b1']);
  });

  it('counts a node as inside its own subtree and its ancestors’ subtrees', () => {
    expect(isInSubtree(branch, 'b1')).toBe(true);
    expect(isInSubtree(branch, 'c1')).toBe(true);
    expect(isInSubtree(branch, 'county')).toBe(true);
  });

  it('keeps sibling subtrees apart', () => {
    expect(isInSubtree(branch, 'c2')).toBe(false);
    expect(isPathInSubtree(['county', 'c2', 'b9'], 'c1')).toBe(false);
  });
});
