import type { OrgNode } from '@zbxx/contracts';
import { childTypes, orgOptions, treeRows } from '../org-tree';

const node = (id: string, parentId: string | null, ancestors: string[], type: OrgNode['type'], order = 0, retired = false): OrgNode => ({
  id,
  name: `名${id}`,
  type,
  parentId,
  ancestors,
  order,
  retired,
  memberCount: 0,
});

const nodes = [
  node('b2', 'c1', ['county', 'c1'], 'branch', 1),
  node('c1', 'county', ['county'], 'committee'),
  node('b1', 'c1', ['county', 'c1'], 'branch', 0),
  node('county', null, [], 'county'),
  node('b3', 'c1', ['county', 'c1'], 'branch', 2, true),
];

describe('org tree rows', () => {
  it('lists each node before its children, children in their order', () => {
    expect(treeRows(nodes, ['county']).map((row) => [row.node.id, row.depth])).toEqual([
      ['county', 0],
      ['c1', 1],
      ['b1', 2],
      ['b2', 2],
      ['b3', 2],
    ]);
    expect(treeRows(nodes, ['c1']).map((row) => row.node.id)).toEqual(['c1', 'b1', 'b2', 'b3']);
  });

  it('offers active branches with their paths', () => {
    expect(orgOptions(nodes, (n) => n.type === 'branch')).toEqual([
      { id: 'b1', label: '名county / 名c1 / 名b1' },
      { id: 'b2', label: '名county / 名c1 / 名b2' },
    ]);
  });

  it('knows which kinds nest', () => {
    expect(childTypes('general')).toEqual(['branch']);
    expect(childTypes('branch')).toEqual([]);
  });
});
