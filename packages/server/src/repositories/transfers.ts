import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `transfers`: 组织关系转接, append-only. A member's records made before `at` count for `fromBranchId` (and
 * the org path they had then), records from `at` on for `toBranchId` (see @zbxx/domain branchAt).
 */
export interface TransferDoc {
  _id?: string;
  memberId: string;
  fromBranchId: string;
  fromOrgPath: string[];
  toBranchId: string;
  toOrgPath: string[];
  at: Date;
  /** What moved the member: an admin's transfer, a roster import, or a move of the branch itself. */
  reason: 'transfer' | 'import';
  importId?: string;
  actor: { openid: string; memberId: string | null };
  requestId: string | null;
}

export async function appendTransfer(store: DocStore, transfer: Omit<TransferDoc, '_id'>): Promise<void> {
  await store.collection(COLLECTIONS.transfers).add({ data: { ...transfer } });
}

/**
 * A transfer with an id chosen by the writer (a roster import: `<importId>-<row>`), so a resumed import writes
 * it once, not twice.
 */
export async function putTransfer(store: DocStore, id: string, transfer: Omit<TransferDoc, '_id'>): Promise<void> {
  await store
    .collection(COLLECTIONS.transfers)
    .doc(id)
    .set({ data: { ...transfer } });
}

/** Undoes transfers of an import that was rolled back (they never took effect). */
export async function removeTransfer(store: DocStore, id: string): Promise<void> {
  await store.collection(COLLECTIONS.transfers).doc(id).remove();
}

export async function findTransfersOfMember(db: Db, memberId: string): Promise<TransferDoc[]> {
  const res = await db.collection(COLLECTIONS.transfers).where({ memberId }).orderBy('at', 'asc').limit(100).get();
  return res.data as unknown as TransferDoc[];
}
