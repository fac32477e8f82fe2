import type { OrgType } from '@zbxx/contracts';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `orgs`: one document per node of the org tree (county 组织部 → 党委/党工委 → 党总支 → 党支部).
 * `ancestors` holds the ids from the county down to the parent, so a subtree is one indexed query
 * (`{ ancestors: rootId }`) and an org path needs no walk up the tree.
 */
export interface OrgDoc {
  _id: string;
  name: string;
  type: OrgType;
  /** null for the county root. */
  parentId: string | null;
  /** Ancestor ids from the county down, excluding the node itself. */
  ancestors: string[];
  /** Position among siblings, for stable listings. */
  order: number;
  /** Branches only: the code new members use to ask to join (see @zbxx/domain invite-code). */
  inviteCode?: string;
  /** Set when the node is retired (撤销): it keeps its history and takes no new members. */
  retiredAt?: Date;
  createdAt: Date;
}

// One `get()` returns at most 100 documents unless a larger limit is asked for; org paths are short.
const MAX_IDS_PER_QUERY = 100;

export async function findOrgsByIds(db: Db, ids: readonly string[]): Promise<OrgDoc[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length > MAX_IDS_PER_QUERY) throw new Error(`findOrgsByIds: ${unique.length} ids exceed one query`);
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.orgs)
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return res.data as unknown as OrgDoc[];
}

export async function findBranchByInviteCode(db: Db, inviteCode: string): Promise<OrgDoc | null> {
  const res = await db.collection(COLLECTIONS.orgs).where({ inviteCode, type: 'branch' }).limit(1).get();
  return (res.data[0] as unknown as OrgDoc | undefined) ?? null;
}

// ——— org tree administration (function `org`) ———

/** Every node below `rootId` (not the root itself), a page of 1000 per request: a county has ~700 nodes. */
export async function findDescendants(db: Db, rootId: string): Promise<OrgDoc[]> {
  const nodes: OrgDoc[] = [];
  for (;;) {
    const res = await db
      .collection(COLLECTIONS.orgs)
      .where({ ancestors: rootId })
      .orderBy('_id', 'asc')
      .skip(nodes.length)
      .limit(1000)
      .get();
    nodes.push(...(res.data as unknown as OrgDoc[]));
    if (res.data.length < 1000) return nodes;
  }
}

export async function getOrg(store: DocStore, id: string): Promise<OrgDoc | null> {
  const res = await store.collection(COLLECTIONS.orgs).doc(id).get();
  return res.data as unknown as OrgDoc | null;
}

export async function findChildren(db: Db, parentId: string): Promise<OrgDoc[]> {
  const res = await db.collection(COLLECTIONS.orgs).where({ parentId }).limit(1000).get();
  return res.data as unknown as OrgDoc[];
}

export async function putOrg(store: DocStore, org: OrgDoc): Promise<void> {
  const { _id, ...data } = org;
  await store.collection(COLLECTIONS.orgs).doc(_id).set({ data });
}

export async function updateOrg(store: DocStore, id: string, data: Partial<Omit<OrgDoc, '_id'>> | Record<string, unknown>): Promise<void> {
  await store.collection(COLLECTIONS.orgs).doc(id).update({ data });
}
