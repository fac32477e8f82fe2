import type { OrgRef } from '@zbxx/contracts';

/** County → … → branch, as one readable line. */
export function formatOrgPath(path: readonly OrgRef[]): string {
  return path.map((org) => org.name).join(' › ');
}
