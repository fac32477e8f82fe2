import { monthBefore } from '@zbxx/demo-data/src/study-plans';
import { qualityCounty, CALLER_OPENIDS, SUBJECT, QUALITY_NOW } from '../support/quality-county';
import { attacker } from './support/attacker';
import { seededCloud } from './support/seeded-cloud';
import { seedMissedEvent } from './support/missed-event';

/**
 * Oracle + unbounded retries: the 补学测验 as a key-mining machine for the live quiz round.
 *
 * Attacker: a plain member (demo-member) who once missed a party day (a closed event, 缺席) and one who
 * already made a missed day up (last month's event, 已补学). Goal: learn anything about the keys of the
 * questions an open quiz round draws from, by drawing make-up papers again and again and answering one
 * question per paper, so that the paper always fails (a new one is drawn) and the result's per-question
 * count says whether that one answer was right.
 * Budget: 200 function calls, 120 s.
 * The attacker wins if any of these happens within the budget:
 *   - a make-up paper contains a question from an open (or not yet closed) round's draw pool;
 *   - a result reveals more than pass/fail (a score or a count of right answers);
 *   - more than 3 papers are drawn for one member and event;
 *   - a paper is drawn at all for an event the member has already made up (已补学).
 * The instant is the moment the suite runs: the functions read the wall clock until devcloud's test clock
 * lands, so the seed is built for that day.
 */

jest.setTimeout(180_000);

// The suite's instant: the county is generated for it and devcloud's test clock is set to it.
const TODAY = QUALITY_NOW;
const county = qualityCounty();
const memberId = county.memberIds.member;
const missed = seedMissedEvent(county, { id: 'adv-ev-missed', branchId: SUBJECT.branchId, today: TODAY, daysAgo: 3, absent: [memberId] });
const madeUpEventId = `ev-demo-${monthBefore(county.month, 1)}-${SUBJECT.branchId}`;

/** Every question an unclosed round may draw (its quota's categories, from the banks on its path). */
function liveDrawPool(): Set<string> {
  const open = county.collections.quizRounds.filter((round) => round.closesAt.getTime() > TODAY.getTime());
  const pool = new Set<string>();
  for (const round of open) {
    const categories = new Set(round.quota.map((q) => q.category));
    for (const question of county.collections.quizQuestions) {
      if (question.active && categories.has(question.category) && round.orgPath.includes(question.bankOrgId)) pool.add(question._id);
    }
  }
  return pool;
}

interface Paper {
  paperId: string;
  questions: { id: string; type: string; options: { id: string }[] }[];
}

const env = seededCloud(county.collections);

describe('attack: mining live round keys through 补学测验 papers', () => {
  it('gets no key, no per-question result and no more than 3 papers, and no paper once 已补学', async () => {
    expect(county.collections.attendance.find((r) => r._id === `${madeUpEventId}_${memberId}`)?.state).toBe('madeUp');
    const pool = liveDrawPool();
    expect(pool.size).toBeGreaterThan(100);

    const member = attacker(env.qc, CALLER_OPENIDS.member, { requests: 200, seconds: 120 });
    const papers = new Map<string, Set<string>>();
    const drawnFromPool = new Set<string>();
    const revealed = new Set<string>();
    const keysLearned = new Set<string>();
    const refusals: string[] = [];
    const guesses = new Map<string, number>();
    const exhausted = new Set<string>();
    const events = [missed._id, madeUpEventId];

    while (member.canSpend() && exhausted.size < events.length) {
      for (const eventId of events) {
        if (exhausted.has(eventId) || !member.canSpend()) continue;
        const started = await member.call('checkin', 'makeUpQuizStart', { eventId });
        if (!started.ok) {
          refusals.push(`${eventId}: ${started.error.code} ${started.error.message}`);
          exhausted.add(eventId);
          continue;
        }
        const paper = started.data as Paper;
        papers.set(eventId, (papers.get(eventId) ?? new Set()).add(paper.paperId));
        for (const q of paper.questions) if (pool.has(q.id)) drawnFromPool.add(q.id);
        // One answer per paper: the paper fails (a new one comes) and the count tells whether that answer was right.
        const target = paper.questions.find((q) => !keysLearned.has(q.id) && q.type !== 'multiple') ?? paper.questions[0]!;
        const tries = guesses.get(target.id) ?? 0;
        guesses.set(target.id, tries + 1);
        const label = target.options[tries % target.options.length]!.id;
        if (!member.canSpend()) break;
        const submitted = await member.call('checkin', 'makeUpQuizSubmit', {
          eventId,
          paperId: paper.paperId,
          answers: { [target.id]: [label] },
        });
        if (!submitted.ok) {
          refusals.push(`${eventId}: ${submitted.error.code} ${submitted.error.message}`);
          continue;
        }
        const result = (submitted.data as { result: Record<string, unknown> }).result;
        if (typeof result.correctCount === 'number' || typeof result.score === 'number') {
          revealed.add(target.id);
          if (result.correctCount === 1 || (typeof result.score === 'number' && result.score > 0)) keysLearned.add(target.id);
        }
      }
    }

    const report = {
      spent: member.spent,
      papers: Object.fromEntries([...papers].map(([eventId, ids]) => [eventId, ids.size])),
      poolQuestionsDrawn: drawnFromPool.size,
      poolQuestionsRevealed: [...revealed].filter((id) => pool.has(id)).length,
      poolKeysLearned: [...keysLearned].filter((id) => pool.has(id)).length,
      refusals: refusals.slice(0, 4),
    };
    // What the attacker got, for the record (docs/notes/integrity-a.md quotes it).
    console.log(`oracle-make-up-quiz: ${JSON.stringify(report)}`);
    expect(report.poolQuestionsDrawn).toBe(0);
    expect(report.poolQuestionsRevealed).toBe(0);
    expect(report.poolKeysLearned).toBe(0);
    expect(papers.get(madeUpEventId)?.size ?? 0).toBe(0);
    expect(papers.get(missed._id)?.size ?? 0).toBeLessThanOrEqual(3);
  });
});
