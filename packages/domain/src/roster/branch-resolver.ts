/** What the resolver needs of an org node. */
export interface ResolvableOrg {
  id: string;
  name: string;
  type: string;
  /** Ancestor ids from the root down, excluding the node. */
  ancestors: readonly string[];
  retired?: boolean;
}

export type BranchResolution = { ok: true; branchId: string } | { ok: false; reason: 'empty' | 'unknown' | 'ambiguous' | 'retired' };

const SEPARATORS = /[/／\\>＞]+/u;

export function normalizeOrgName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Resolves what a sheet writes in 所在支部 against the org tree the importer may write to: a branch's unique
 * name ("东关社区党支部"), or a path ending at it, from any level down ("城关镇党委/东关社区党支部"). Nodes
 * outside the importer's scope are simply not given, so they read as unknown.
 */
export function createBranchResolver(orgs: readonly ResolvableOrg[]): (text: string) => BranchResolution {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const branchesByName = new Map<string, ResolvableOrg[]>();
  for (const org of orgs) {
    if (org.type !== 'branch') continue;
    const key = normalizeOrgName(org.name);
    branchesByName.set(key, [...(branchesByName.get(key) ?? []), org]);
  }
  const pathNames = (org: ResolvableOrg): string[] =>
    [...org.ancestors.map((id) => byId.get(id)?.name ?? ''), org.name].map(normalizeOrgName);

  return (text) => {
    const segments = text
      .split(SEPARATORS)
      .map(normalizeOrgName)
      .filter((s) => s !== '');
    const last = segments.at(-1);
    if (last === undefined) return { ok: false, reason: 'empty' };
    const candidates = (branchesByName.get(last) ?? []).filter((branch) => {
      const names = pathNames(branch);
      return segments.every((segment, i) => names[names.length - segments.length + i] === segment);
    });
    const active = candidates.filter((branch) => !branch.retired);
    if (active.length === 1) return { ok: true, branchId: active[0]!.id };
    if (active.length > 1) return { ok: false, reason: 'ambiguous' };
    return { ok: false, reason: candidates.length > 0 ? 'retired' : 'unknown' };
  };
}
