import type { Engine } from '@zbxx/devcloud';
import type { BindingDoc, MemberDoc } from '@zbxx/server';

/**
 * Binds `count` roster entries that nobody has claimed yet to fresh OPENIDs (`bench-<memberId>`), writing
 * what a successful bind writes: `openid` + `boundAt` on the member and a `bound` bindings document
 * (packages/server/src/repositories/bindings.ts). The demo generator binds only the demo identities, and
 * load needs many distinct bound members. Deterministic: members are taken in `_id` order.
 */
export function bindMembers(engine: Engine, count: number, at = new Date('2025-03-02T00:00:00.000Z')): string[] {
  const members = engine.find('members', { openid: { $exists: false } }, { sort: { _id: 1 }, limit: count }) as unknown as MemberDoc[];
  if (members.length < count) throw new Error(`bindMembers: only ${members.length} unbound members, ${count} wanted`);
  const openids: string[] = [];
  const bindings: BindingDoc[] = [];
  for (const member of members) {
    const openid = `bench-${member._id}`;
    engine.update('members', { _id: member._id }, { $set: { openid, boundAt: at } });
    bindings.push({ _id: openid, status: 'bound', memberId: member._id, method: 'seed', createdAt: at });
    openids.push(openid);
  }
  engine.insertMany('bindings', bindings as unknown as Record<string, unknown>[]);
  return openids;
}
