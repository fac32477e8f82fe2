import { COLLECTIONS } from '../collections';
import type { Db, DocData, DocStore } from '../db';
import { phoneSearchOf, type RoleGrant } from '@zbxx/domain';

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
  /** 备注 from the roster sheet. */
  note?: string;
  /** The roster import that created the entry (and the chunk of it), so a failed import can be undone. */
  importId?: string;
  importChunk?: number;
  /** Present once a WeChat user has bound this entry; unique. */
  openid?: string;
  boundAt?: Date;
  /**
   * Epoch ms up to which the member's reading time has been handed out to some material (see the study
   * domain's applyReadingBatches): time is one resource per member. Absent before the first report.
   */
  readingHandedOutAt?: number | null;
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

/**
 * Claims the member's reading time from `from` (what the caller read) up to `until`: a compare-and-set, so of
 * two reports racing with the same `from`, one gets the time and the other nothing. One request.
 */
export async function claimReadingTime(db: Db, memberId: string, from: number | null, until: number): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.members)
    .where({ _id: memberId, readingHandedOutAt: from })
    .update({ data: { readingHandedOutAt: until } });
  return res.stats.updated === 1;
}

export async function markMemberBound(store: DocStore, memberId: string, openid: string, at: Date): Promise<void> {
  await store
    .collection(COLLECTIONS.members)
    .doc(memberId)
    .update({ data: { openid, boundAt: at } });
}

/** A branch's roster (names only) for month views: branches have a few dozen members, one query. */
export async function findMembersInBranch(db: Db, branchId: string): Promise<Pick<MemberDoc, '_id' | 'name' | 'duty'>[]> {
  const res = await db.collection(COLLECTIONS.members).where({ branchId }).field({ _id: true, name: true, duty: true }).limit(1000).get();
  return res.data as unknown as Pick<MemberDoc, '_id' | 'name' | 'duty'>[];
}

// ——— roster administration (function `org`) ———

// `_.in` lists and answers stay well inside one request's limits at this size.
const IDS_PER_QUERY = 500;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Roster entries using any of `phones` (anywhere in the county: a phone identifies a person). */
export async function findMembersByPhones(db: Db, phones: readonly string[]): Promise<MemberDoc[]> {
  const _ = db.command;
  const found: MemberDoc[] = [];
  for (const chunk of chunked([...new Set(phones)], IDS_PER_QUERY)) {
    const res = await db
      .collection(COLLECTIONS.members)
      .where({ phone: _.in(chunk) })
      .limit(chunk.length)
      .get();
    found.push(...(res.data as unknown as MemberDoc[]));
  }
  return found;
}

export async function findMembersByIds(db: Db, ids: readonly string[]): Promise<MemberDoc[]> {
  const _ = db.command;
  const found: MemberDoc[] = [];
  for (const chunk of chunked([...new Set(ids)], IDS_PER_QUERY)) {
    const res = await db
      .collection(COLLECTIONS.members)
      .where({ _id: _.in(chunk) })
      .limit(chunk.length)
      .get();
    found.push(...(res.data as unknown as MemberDoc[]));
  }
  return found;
}

export interface RosterQuery {
  /** Every entry whose org path passes through this node (a branch or a subtree root). */
  orgId: string;
  /** Part of a name, or 4+ digits of a phone. */
  text?: string;
  /** Whether the caller sees full phone numbers here (an admin of the subtree): see phoneSearchOf. */
  seesFullPhones: boolean;
  duty?: string;
  bound?: boolean;
  role?: 'secretary' | 'admin';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rosterCondition(db: Db, query: RosterQuery): DocData {
  const _ = db.command;
  const condition: DocData = { orgPath: query.orgId };
  const text = query.text?.replace(/\s+/g, '') ?? '';
  if (/^\d{4,11}$/.test(text)) {
    const search = phoneSearchOf(text, query.seesFullPhones);
    if (search.match === 'contains') condition.phone = db.RegExp({ regexp: escapeRegExp(search.digits) });
    else if (search.match === 'last4') condition.phoneLast4 = search.digits;
    else if (search.match === 'exact') condition.phone = search.digits;
    // No phone matches these digits for this caller; `_id: null` selects nothing, in the same two requests.
    else condition._id = null;
  } else if (text !== '') condition.nameKey = db.RegExp({ regexp: escapeRegExp(text.normalize('NFKC')) });
  if (query.duty) condition.duty = query.duty;
  if (query.bound !== undefined) condition.openid = _.exists(query.bound);
  if (query.role) condition['roles.role'] = query.role;
  return condition;
}

/** One page of a roster listing and the total: two requests whatever the roster's size. */
export async function queryRoster(
  db: Db,
  query: RosterQuery,
  page: number,
  pageSize: number,
): Promise<{ items: MemberDoc[]; total: number }> {
  const condition = rosterCondition(db, query);
  const collection = db.collection(COLLECTIONS.members);
  const [list, count] = await Promise.all([
    collection
      .where(condition)
      .orderBy('branchId', 'asc')
      .orderBy('_id', 'asc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
    collection.where(condition).count(),
  ]);
  return { items: list.data as unknown as MemberDoc[], total: count.total };
}

/** Members per org node below and including `rootId`, in one aggregate request. */
export async function countMembersPerOrg(db: Db, rootId: string, maxNodes: number): Promise<Map<string, number>> {
  const res = await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ orgPath: rootId })
    .unwind('$orgPath')
    .group({ _id: '$orgPath', count: { $sum: 1 } })
    .limit(maxNodes)
    .end();
  return new Map(res.list.map((row) => [String(row._id), Number(row.count)]));
}

export async function countMembersInOrg(db: Db, orgId: string): Promise<number> {
  const res = await db.collection(COLLECTIONS.members).where({ orgPath: orgId }).count();
  return res.total;
}

/** Entries nobody has claimed yet in a branch, for a secretary matching a join request. */
export async function findUnclaimedInBranch(db: Db, branchId: string, max = 200): Promise<MemberDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.members)
    .where({ branchId, openid: _.exists(false) })
    .orderBy('_id', 'asc')
    .limit(max)
    .get();
  return res.data as unknown as MemberDoc[];
}

export async function insertMembers(db: Db, members: readonly MemberDoc[]): Promise<void> {
  if (members.length === 0) return;
  await db.collection(COLLECTIONS.members).add({ data: members.map((m) => ({ ...m })) });
}

/** Removes what one chunk of an import inserted (before writing it again, or when undoing the import). */
export async function removeImported(db: Db, importId: string, chunk?: number): Promise<number> {
  const condition: DocData = chunk === undefined ? { importId } : { importId, importChunk: chunk };
  const res = await db.collection(COLLECTIONS.members).where(condition).remove();
  return res.stats.removed;
}

export async function updateMember(store: DocStore, memberId: string, data: DocData): Promise<void> {
  await store.collection(COLLECTIONS.members).doc(memberId).update({ data });
}

/** A branch moved in the tree: every member's org path follows it (one request per branch). */
export async function setOrgPathOfBranch(db: Db, branchId: string, orgPath: readonly string[]): Promise<number> {
  const res = await db
    .collection(COLLECTIONS.members)
    .where({ branchId })
    .update({ data: { orgPath: [...orgPath] } });
  return res.stats.updated;
}
