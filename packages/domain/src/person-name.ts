/**
 * The form of a person's name used for matching: full-width letters folded (NFKC) and all whitespace removed,
 * because people type "王 伟" or "王伟 " for 王伟. Stored on roster entries so a query can match it exactly.
 */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}
