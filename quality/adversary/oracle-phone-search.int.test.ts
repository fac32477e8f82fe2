import type { RosterPage } from '@zbxx/contracts';
import { maskPhone } from '@zbxx/domain';
import type { MemberDoc } from '@zbxx/server';
import { startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, SUBJECT, qualityCounty } from '../support/quality-county';
import { attacker, type Attacker } from './support/attacker';

/**
 * Oracle: roster phone search over masked numbers.
 *
 * Attacker: a branch secretary (not an admin), who sees every member's number masked as 187****8495.
 * Goal: recover one member's full number by extending the visible prefix one digit at a time, each guess a
 * search whose "is the member in the answer?" is one bit.
 * Budget: 30 searches, 30 seconds, per listing action.
 * Success for the attacker: a recovered number equal to the member's real one.
 * The rule that defeats it: for non-admins a phone search matches only the last four digits or the exact
 * full number (packages/domain phone.ts), so a prefix guess never matches.
 */

jest.setTimeout(60_000);

const county = qualityCounty();
const BUDGET = { requests: 30, seconds: 30 };
let qc: QualityCloud;

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

type Search = (spy: Attacker, query: string) => Promise<RosterPage>;

async function pageOf(reply: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<RosterPage> {
  const envelope = await reply;
  if (!envelope.ok) throw new Error(`search refused: ${JSON.stringify(envelope.error)}`);
  return envelope.data as RosterPage;
}

const SEARCHES: Record<string, Search> = {
  branchMembers: (spy, query) => pageOf(spy.call('org', 'branchMembers', { branchId: SUBJECT.branchId, query, pageSize: 100 })),
  rosterList: (spy, query) => pageOf(spy.call('org', 'rosterList', { orgId: SUBJECT.branchId, query, pageSize: 100 })),
};

/**
 * The attack as a secretary would run it: for each member of the branch (one listing), extend the known
 * prefix with the digit whose search still lists that member, until the masked middle is filled in.
 */
async function recoverSomeNumber(spy: Attacker, search: Search): Promise<{ memberId: string; phone: string } | null> {
  const listing = await search(spy, '');
  for (const entry of listing.items) {
    const [prefix, suffix] = [entry.phoneMasked.slice(0, 3), entry.phoneMasked.slice(-4)];
    let known = prefix;
    while (known.length < 7) {
      let extended: string | null = null;
      for (let digit = 0; digit <= 9 && extended === null; digit += 1) {
        if (!spy.canSpend()) return null;
        const page = await search(spy, `${known}${digit}`);
        if (page.items.some((item) => item.memberId === entry.memberId)) extended = `${known}${digit}`;
      }
      if (extended === null) break;
      known = extended;
    }
    if (known.length === 7) return { memberId: entry.memberId, phone: `${known}${suffix}` };
  }
  return null;
}

describe('a secretary extends a masked phone prefix one digit at a time', () => {
  const realPhone = (memberId: string) => (county.collections.members as MemberDoc[]).find((m) => m._id === memberId)!.phone;

  it.each(Object.keys(SEARCHES))('%s: no full number within 30 searches', async (action) => {
    const spy = attacker(qc, CALLER_OPENIDS.ownSecretary, BUDGET);
    const recovered = await recoverSomeNumber(spy, SEARCHES[action]!);
    expect({ recovered: recovered !== null && recovered.phone === realPhone(recovered.memberId), spent: spy.spent }).toEqual({
      recovered: false,
      spent: expect.any(Number),
    });
  });

  it('still finds a member by the last four digits or the exact full number', async () => {
    const spy = attacker(qc, CALLER_OPENIDS.ownSecretary, { requests: 3, seconds: 30 });
    const target = (county.collections.members as MemberDoc[]).find((m) => m.branchId === SUBJECT.branchId)!;
    const byLast4 = await SEARCHES.branchMembers!(spy, target.phone.slice(-4));
    const byFull = await SEARCHES.branchMembers!(spy, target.phone);
    const byMiddle = await SEARCHES.branchMembers!(spy, target.phone.slice(2, 7));
    expect(byLast4.items.map((i) => i.memberId)).toContain(target._id);
    expect(byFull.items.map((i) => [i.memberId, i.phoneMasked])).toEqual([[target._id, maskPhone(target.phone)]]);
    expect(byMiddle.items.map((i) => i.memberId)).not.toContain(target._id);
  });

  it('an admin of the subtree, who sees full numbers anyway, still searches any run of digits', async () => {
    const target = (county.collections.members as MemberDoc[]).find((m) => m.branchId === SUBJECT.branchId)!;
    const reply = await qc.call('org', 'rosterList', { orgId: SUBJECT.branchId, query: target.phone.slice(2, 7) }, CALLER_OPENIDS.ownAdmin);
    expect(reply.ok && (reply.data as RosterPage).items.map((i) => i.memberId)).toContain(target._id);
  });
});
