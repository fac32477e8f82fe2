import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `bindings`: one document per WeChat user, `_id = openid`. Because the id is the OPENID, a user can hold at
 * most one binding; because a bind writes this document and the member's `openid` in one transaction (both
 * read first), two concurrent claims of the same roster entry, or by the same user, cannot both commit.
 *
 * - bound: the user is the roster entry `memberId`.
 * - pending: the user asked to join a branch with its invite code; the branch secretary approves it
 *   (turning it into `bound`) or rejects it (removing it).
 */
export type BindingDoc = BoundBindingDoc | PendingBindingDoc;

export interface BoundBindingDoc {
  _id: string;
  status: 'bound';
  memberId: string;
  /** How the user proved who they are: phone digits, an approved invite request, or demo seeding. */
  method: 'phone' | 'invite' | 'seed';
  createdAt: Date;
}

export interface PendingBindingDoc {
  _id: string;
  status: 'pending';
  method: 'invite';
  branchId: string;
  /** Denormalised so `login` answers a pending user with one read. */
  branchName: string;
  /** The name the user gave, as typed. */
  name: string;
  nameKey: string;
  /** An unbound roster entry in that branch with the same name, if any: what the secretary will likely approve. */
  candidateMemberId: string | null;
  createdAt: Date;
}

export async function getBinding(store: DocStore, openid: string): Promise<BindingDoc | null> {
  const res = await store.collection(COLLECTIONS.bindings).doc(openid).get();
  return res.data as unknown as BindingDoc | null;
}

export async function putBinding(store: DocStore, binding: BindingDoc): Promise<void> {
  const { _id, ...data } = binding;
  await store.collection(COLLECTIONS.bindings).doc(_id).set({ data });
}

/** Join requests waiting for a branch's secretary, oldest first. */
export async function findPendingByBranch(db: Db, branchId: string, max = 100): Promise<PendingBindingDoc[]> {
  const res = await db.collection(COLLECTIONS.bindings).where({ branchId, status: 'pending' }).orderBy('createdAt', 'asc').limit(max).get();
  return res.data as unknown as PendingBindingDoc[];
}

export async function removeBinding(store: DocStore, openid: string): Promise<void> {
  await store.collection(COLLECTIONS.bindings).doc(openid).remove();
}
