import { COLLECTIONS } from '../collections';
import type { DocStore } from '../db';

/**
 * `auditLog`: append-only history of changes to people and permissions (who, when, what). Written in the same
 * transaction as the change it records, so a change cannot happen without its entry. Never updated.
 */
export interface AuditEntry {
  _id?: string;
  at: Date;
  /** Dotted verb, e.g. `member.bind`, `binding.request`. */
  action: string;
  actor: { openid: string; memberId: string | null };
  target: { collection: string; id: string };
  details: Record<string, unknown>;
  requestId: string | null;
}

export async function appendAudit(store: DocStore, entry: Omit<AuditEntry, '_id'>): Promise<void> {
  await store.collection(COLLECTIONS.auditLog).add({ data: { ...entry } });
}
