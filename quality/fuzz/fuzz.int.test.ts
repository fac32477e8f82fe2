import fc from 'fast-check';
import { ERROR_CODES, type Envelope } from '@zbxx/contracts';
import { startQualityCloud, ALL_CONTRACTS, overTheWire, type DatabaseDump, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, qualityCounty } from '../support/quality-county';
import { applyMutation, mutationArbitrary } from './mutations';
import { zodArbitrary } from './zod-arbitrary';

/**
 * Bad input, property-based: for every action, valid requests drawn from its contract, each spoiled by one
 * mutation (wrong type, missing or extra key, oversized text or list, operator injection, prototype keys,
 * number extremes, unicode edge cases), sent as the subject branch's admin (the caller with the most rights,
 * so a request that slipped through validation would have the most to write). Every answer must be the typed
 * INPUT.INVALID refusal, no request may write, and the database must be byte-for-byte what it was.
 * Bounded: RUNS_PER_ACTION requests per action from a fixed seed (about 80 actions → ~3,000 requests).
 */

jest.setTimeout(60_000);

const RUNS_PER_ACTION = 40;
const SEED = 20261122;
const CALLER = CALLER_OPENIDS.ownAdmin;
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

const county = qualityCounty();
let qc: QualityCloud;
let before: DatabaseDump;
/** Requests sent per mutation kind, and actions fuzzed: the run's size is asserted, not assumed. */
const sentByKind = new Map<string, number>();
let actionsFuzzed = 0;

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
  await Promise.all(qc.hosted.hosted.map((fn) => qc.call(fn, 'qm-warm-up', undefined, CALLER)));
  before = qc.dump();
  qc.takeWrites();
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

/** A stable seed per action, so adding an action does not reshuffle the others' cases. */
function seedOf(name: string): number {
  let hash = SEED;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

function expectRefusal(reply: Envelope<unknown>, expected: string, sent: unknown): void {
  const summary = reply.ok ? 'ok:true' : `${reply.error.code}: ${reply.error.message.slice(0, 120)}`;
  const shown = JSON.stringify(sent)?.slice(0, 300);
  expect({ sent: shown, reply: summary, known: !reply.ok && KNOWN_CODES.has(reply.error.code) }).toEqual({
    sent: shown,
    reply: expect.stringMatching(new RegExp(`^${expected.replace('.', '\\.')}: `)),
    known: true,
  });
  expect(qc.takeWrites()).toEqual([]);
}

for (const contract of ALL_CONTRACTS) {
  describe(contract.name, () => {
    for (const [action, { input }] of Object.entries(contract.actions)) {
      it(`${action}: ${RUNS_PER_ACTION} spoiled requests, each refused as INPUT.INVALID, nothing written`, async () => {
        const missing = qc.hosted.missing.get(contract.name);
        if (missing) return console.warn(`fuzz: ${contract.name} skipped (${missing})`);
        const requests = fc
          .tuple(zodArbitrary(input), mutationArbitrary)
          .map(([valid, mutation]) => ({ mutation, data: overTheWire(applyMutation(valid, mutation)) }));
        actionsFuzzed += 1;
        await fc.assert(
          fc.asyncProperty(requests, async ({ mutation, data }) => {
            // A mutation the contract still accepts (an optional key removed, an emoji in free text) is not bad input.
            fc.pre(!input.safeParse(data).success);
            sentByKind.set(mutation.kind, (sentByKind.get(mutation.kind) ?? 0) + 1);
            expectRefusal(await qc.call(contract.name, action, data, CALLER), 'INPUT.INVALID', data);
          }),
          { seed: seedOf(`${contract.name}.${action}`), numRuns: RUNS_PER_ACTION, maxSkipsPerRun: 1000 },
        );
      });
    }

    it('refuses malformed events: unknown or inherited action names, hostile requestId, extra keys', async () => {
      if (qc.hosted.missing.has(contract.name)) return;
      const [someAction] = Object.keys(contract.actions);
      const cases: [unknown, string][] = [
        ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'x'.repeat(65), '', '\uD800', 'login\u0000'].map(
          (action): [unknown, string] => [
            { action, data: {} },
            action.length === 0 || action.length > 64 ? 'INPUT.INVALID' : 'INPUT.UNKNOWN_ACTION',
          ],
        ),
        [{ action: { $ne: null } }, 'INPUT.INVALID'],
        [{ action: someAction, requestId: { $ne: null } }, 'INPUT.INVALID'],
        [{ action: someAction, requestId: 'short' }, 'INPUT.INVALID'],
        [{ action: someAction, requestId: `${'a'.repeat(20)}\u202E` }, 'INPUT.INVALID'],
        [{ action: someAction, extra: true }, 'INPUT.INVALID'],
        [JSON.parse(`{"action":"${someAction}","__proto__":{"admin":true}}`), 'INPUT.INVALID'],
        [{}, 'INPUT.INVALID'],
        [[], 'INPUT.INVALID'],
        ['login', 'INPUT.INVALID'],
      ];
      for (const [event, expected] of cases) expectRefusal(await qc.send(contract.name, event, CALLER), expected, event);
    });
  });
}

describe('error messages', () => {
  // Found by this fuzzing: INPUT.INVALID used to name every unrecognised key in full, so the message grew
  // with the request. It names a few now, clipped.
  it('keeps INPUT.INVALID messages short whatever the request holds', async () => {
    const data = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'x']));
    const reply = await qc.call('account', 'login', { ...data, ['k'.repeat(5000)]: 1 }, CALLER);
    expect(reply.ok ? '' : reply.error.message.length).toBeLessThanOrEqual(300);
  });
});

describe('afterwards', () => {
  it(`sent ${RUNS_PER_ACTION} invalid requests per action, of every mutation kind`, () => {
    const sent = [...sentByKind.values()].reduce((a, b) => a + b, 0);
    console.info(`fuzz: ${sent} invalid requests over ${actionsFuzzed} actions`, Object.fromEntries(sentByKind));
    expect(sent).toBe(actionsFuzzed * RUNS_PER_ACTION);
    expect([...sentByKind.keys()].sort()).toEqual(['extraKey', 'oversize', 'remove', 'replace', 'unicode', 'wrongType']);
  });

  it('leaves the database byte-for-byte as it was', () => {
    expect(qc.dump()).toEqual(before);
  });
});
