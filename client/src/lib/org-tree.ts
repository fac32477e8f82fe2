import type { OrgNode } from '@zbxx/contracts';

export const ORG_TYPE_LABELS: Record<OrgNode['type'], string> = {
  county: '组织部',
  committee: '党委',
  general: '党总支',
  branch: '党支部',
};

export interface TreeRow {
  node: OrgNode;
  /** 0 for a root of the caller's scope. */
  depth: number;
}

/** The tree as rows to render top-down (each node followed by its children, in their order). */
export function treeRows(nodes: readonly OrgNode[], roots: readonly string[]): TreeRow[] {
  const children = new Map<string, OrgNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const rows: TreeRow[] = [];
  const visit = (node: OrgNode, depth: number) => {
    rows.push({ node, depth });
    const kids = [...(children.get(node.id) ?? [])].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'));
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const id of roots) {
    const root = nodes.find((node) => node.id === id);
    if (root) visit(root, 0);
  }
  return rows;
}

export interface OrgOption {
  id: string;
  label: string;
}

/** Nodes of one kind with their path below the roots, for pickers ("城关镇党委 / 东关社区党支部"). */
export function orgOptions(nodes: readonly OrgNode[], accept: (node: OrgNode) => boolean): OrgOption[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return nodes
    .filter((node) => !node.retired && accept(node))
    .map((node) => ({
      id: node.id,
      label: [...node.ancestors.map((id) => byId.get(id)?.name).filter((name): name is string => !!name), node.name].join(' / '),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
}

/** Which kinds may be created under a node (mirrors the server's rule; the server checks again). */
export function childTypes(parent: OrgNode['type']): Array<'committee' | 'general' | 'branch'> {
  if (parent === 'county') return ['committee', 'general', 'branch'];
  if (parent === 'committee') return ['general', 'branch'];
  if (parent === 'general') return ['branch'];
  return [];
}
