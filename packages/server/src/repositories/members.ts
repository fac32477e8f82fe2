import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';
import type { RoleGrant } from '@zbxx/domain';

/**
 * `members`: the roster, one document per 党员, imported by the 组织部 before anyone binds. A WeChat user claims
 * an entry once (`openid` set in the same transaction as the `bindings` document, see bindings.ts).
 */
export interface MemberDoc {
  _id: string;
  /** As written on the roster. */
  name: string;
  /** normalizePersonName(name): what binding matches on. */
  nameKey: string;
  gender: 'male' | 'female';
  /** Full number, for matching and for admins only: never returned to members or secretaries. */
  phone: string;
  phoneLast4: string;
  branchId: string;
  /** Org ids from the county down to and including the branch (the branch's ancestors + its id). */
  orgPath: string[];
  /** Grants beyond membership, e.g. [{ role:'secretary', orgId: branchId }, { role:'admin', orgId: countyId }]. */
  roles: RoleGrant[];
  /** 职务 in the branch: 党支部书记, 组织委员, 党员 … */
  duty: string;
  /** 入党日期, YYYY-MM-DD. */
  joinedPartyOn: string;
  /** Present once a WeChat user has bound this entry; unique. */
  openid?: string;
  boundAt?: Date;
  createdAt: Date;
}

export async function findMemberByOpenid(db: Db, openid: string): Promise<MemberDoc | null> {
  const res = await db.collection(COLLECTIONS.members).where({ openid }).limit(1).get();
  return (res.data[0] as unknown as MemberDoc | undefined) ?? null;
}

/** Roster entries a phone-digits claim could mean; a name is rarely shared, so a handful at most. */
export async function findMembersByNameAndLast4(db: Db, nameKey: string, phoneLast4: string): Promise<MemberDoc[]> {
  const res = await db.collection(COLLECTIONS.members).where({ nameKey, phoneLast4 }).limit(20).get();
  return res.data as unknown as MemberDoc[];
}

export async function findMembersInBranchByName(db: Db, branchId: string, nameKey: string): Promise<MemberDoc[]> {
  const res = await db.collection(COLLECTIONS.members).where({ branchId, nameKey }).limit(20).get();
  return res.data as unknown as MemberDoc[];
}

export async function getMember(store: DocStore, memberId: string): Promise<MemberDoc | null> {
  const res = await store.collection(COLLECTIONS.members).doc(memberId).get();
  return res.data as unknown as MemberDoc | null;
}

export async function markMemberBound(store: DocStore, memberId: string, openid: string, at: Date): Promise<void> {
  await store.collection(COLLECTIONS.members).doc(memberId).update({ data: { openid, boundAt: at } });
}
