import type { AccessCaller, Envelope } from '@zbxx/contracts';
import { maskPhone } from '@zbxx/domain';
import type { MemberDoc } from '@zbxx/server';
import { PROBES, probeRequestId } from '../access/probes';
import { prepareFixtures, type Fixtures } from '../support/fixtures';
import { ALL_CONTRACTS, startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, SUBJECT, qualityCounty } from '../support/quality-county';
import { keyFields, keyLabels, keyValueLeaks, othersRecords, phoneNumbers, type OthersPrivate, type StoredPaperItem } from './scan';

/**
 * The secret scan: every action's probe (quality/access/probes.ts) sent as a plain member of the subject
 * branch, a member of another branch, the branch's secretary and its admin, each from the same baseline
 * database; every reply scanned for
 * - answer keys before submission: no key-bearing field in what a member sees of a round or paper before
 *   submitting (quiz rounds/start/answer, home, 补学 view and paper), and nowhere the key of the member's
 *   open attempt or open 补学 paper;
 * - unmasked phone numbers in any reply to a non-admin; an admin sees full numbers of their subtree only;
 * - other members' records in any reply to a plain member (see scan.ts `othersRecords` for what counts).
 */

jest.setTimeout(60_000);

const SCANNED: readonly AccessCaller[] = ['member', 'memberOtherBranch', 'ownSecretary', 'ownAdmin'];
/** Replies a member gets while an attempt or 补学 paper is unfinished: none may carry key fields. */
const BEFORE_SUBMISSION = new Set([
  'quiz.rounds',
  'quiz.start',
  'quiz.answer',
  'account.home',
  'checkin.makeUp',
  'checkin.makeUpQuizStart',
  'checkin.myEvents',
]);
/** Replies that show keys by design: a finished attempt's review, 错题本 cards, the admin's item analysis and bank import. */
const SHOWS_KEYS_BY_DESIGN = new Set(['quiz.review', 'quiz.practiceQueue', 'quiz.practiceRate', 'quiz.itemAnalysis', 'quiz.importPreview']);

const county = qualityCounty();
const LABELS = 'ABCDEFGHIJ';
let qc: QualityCloud;
let fx: Fixtures;
const replies: { caller: AccessCaller; name: string; reply: Envelope<unknown> }[] = [];

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
  fx = await prepareFixtures(qc, county);
  qc.markBaseline();
  for (const contract of ALL_CONTRACTS) {
    if (qc.hosted.missing.has(contract.name)) continue;
    for (const action of Object.keys(contract.actions)) {
      const probe = PROBES[contract.name]?.[action];
      if (!probe) continue;
      for (const caller of SCANNED) {
        const reply = await qc.call(contract.name, action, probe(fx), CALLER_OPENIDS[caller], probeRequestId(contract.name, action));
        replies.push({ caller, name: `${contract.name}.${action}`, reply });
        qc.reset();
      }
    }
  }
}, 170_000);
afterAll(async () => {
  await qc?.close();
});

const dataOf = (reply: Envelope<unknown>) => (reply.ok ? reply.data : null);

/** The member's unfinished papers as stored: the open quiz attempt and the 补学 paper. */
function openPapers(): { items: StoredPaperItem[]; saved: Record<string, string> } {
  const attempt = qc.cloud.engine.find('quizAttempts', { _id: fx.openAttemptId })[0] as unknown as {
    items: StoredPaperItem[];
    answers: Record<string, string[]>;
  };
  const makeUp = qc.cloud.engine.find('checkinMakeUpQuizzes', { paperId: fx.makeUpPaperId })[0] as unknown as { items: StoredPaperItem[] };
  const saved: Record<string, string> = {};
  for (const item of attempt.items) {
    const answer = attempt.answers?.[item.questionId];
    if (answer)
      saved[item.questionId] = answer
        .map((id) => LABELS[item.order.indexOf(id)])
        .sort()
        .join('');
  }
  return { items: [...attempt.items, ...makeUp.items], saved };
}

describe('answer keys before submission', () => {
  it('the fixtures hold an unfinished attempt and 补学 paper with keys on the server', () => {
    const { items } = openPapers();
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((item) => keyLabels(item).length > 0)).toBe(true);
  });

  it('no key-bearing field in what a member sees before submitting', () => {
    const found = replies
      .filter((r) => BEFORE_SUBMISSION.has(r.name) && (r.caller === 'member' || r.caller === 'memberOtherBranch'))
      .flatMap((r) => keyFields(dataOf(r.reply)).map((path) => `${r.name} as ${r.caller}: ${path}`));
    expect(found).toEqual([]);
  });

  it('the open papers’ keys appear in no reply to anyone (outside replies that show keys by design)', () => {
    const { items, saved } = openPapers();
    const found = replies
      .filter((r) => !SHOWS_KEYS_BY_DESIGN.has(r.name))
      .flatMap((r) =>
        keyValueLeaks(dataOf(r.reply), items, r.caller === 'member' ? saved : {}).map((path) => `${r.name} as ${r.caller}: ${path}`),
      );
    expect(found).toEqual([]);
  });

  it('scanned the replies that matter: the member’s paper and the 补学 paper came back', () => {
    const ok = (name: string) => replies.some((r) => r.name === name && r.caller === 'member' && r.reply.ok);
    expect(['quiz.start', 'quiz.answer', 'quiz.rounds', 'checkin.makeUpQuizStart', 'checkin.makeUp'].filter((name) => !ok(name))).toEqual(
      [],
    );
  });
});

describe('phone numbers', () => {
  const members = county.collections.members;
  const inSubtree = (rootId: string) => new Set(members.filter((m) => m.orgPath.includes(rootId)).map((m) => m.phone));

  it('no full phone number in any reply to a member or a secretary', () => {
    const found = replies
      .filter((r) => r.caller !== 'ownAdmin')
      .flatMap((r) => phoneNumbers(dataOf(r.reply)).map((phone) => `${r.name} as ${r.caller}: ${phone}`));
    expect(found).toEqual([]);
  });

  it('an admin sees full numbers of their own subtree’s members only', () => {
    const own = inSubtree(SUBJECT.committeeId);
    const found = replies
      .filter((r) => r.caller === 'ownAdmin')
      .flatMap((r) =>
        phoneNumbers(dataOf(r.reply))
          .filter((phone) => !own.has(phone))
          .map((phone) => `${r.name}: ${phone}`),
      );
    expect(found).toEqual([]);
  });
});

describe('other members’ records', () => {
  function othersOf(self: MemberDoc): OthersPrivate {
    const engine = qc.cloud.engine;
    const others = members().filter((m) => m._id !== self._id);
    const attendance = engine.find('attendance', {}) as unknown as { memberId: string; leaveReason: string | null }[];
    const ownReasons = new Set(attendance.filter((a) => a.memberId === self._id).map((a) => a.leaveReason));
    const recordIds = ['quizAttempts', 'checkinMakeUpQuizzes', 'studyProgress'].flatMap((name) =>
      (engine.find(name, {}) as unknown as { _id: string; memberId: string; paperId?: string }[])
        .filter((doc) => doc.memberId !== self._id)
        .flatMap((doc) => [doc._id, ...(doc.paperId ? [doc.paperId] : [])]),
    );
    return {
      memberIds: new Set(others.map((m) => m._id)),
      openids: new Set(others.flatMap((m) => (m.openid ? [m.openid] : []))),
      phones: new Set(others.flatMap((m) => [m.phone, maskPhone(m.phone)])),
      recordIds: new Set(recordIds),
      leaveReasons: new Set(
        attendance.filter((a) => a.memberId !== self._id && a.leaveReason && !ownReasons.has(a.leaveReason)).map((a) => a.leaveReason!),
      ),
    };
  }
  const members = () => qc.cloud.engine.find('members', {}) as unknown as MemberDoc[];

  it.each(['member', 'memberOtherBranch'] as const)('none in any reply to a plain member (%s)', (caller) => {
    const self = members().find((m) => m.openid === CALLER_OPENIDS[caller])!;
    const others = othersOf(self);
    const found = replies
      .filter((r) => r.caller === caller)
      .flatMap((r) => othersRecords(dataOf(r.reply), others).map((hit) => `${r.name}: ${hit}`));
    expect(found).toEqual([]);
  });
});
