import type { Envelope } from '@zbxx/contracts';
import { plausibleReadingSeconds } from '@zbxx/domain';
import { qualityCounty, CALLER_OPENIDS, SUBJECT } from '../support/quality-county';
import { attacker } from './support/attacker';
import { seededCloud } from './support/seeded-cloud';

/**
 * Shared resource counted twice: one idle stretch credited as reading time to several materials.
 *
 * Attacker: demo-member, with three short required materials of this month (each needs 10 s of credited
 * reading and the end reached). Goal: complete more than one of them out of one idle stretch just over 10 s,
 * by opening them all, waiting, and then reporting "reached the end, 11 s on the page" for each, in separate
 * calls and in one call.
 * Budget: 8 function calls, 60 s.
 * The attacker wins if more than one material is completed, i.e. the credited reading adds up to more than
 * the time that passed.
 * The instant is the moment the suite runs (the functions read the wall clock until devcloud's test clock
 * lands); the wait is real, and the verdict holds for any wait between 10 s and 20 s.
 */

jest.setTimeout(120_000);

const county = qualityCounty();
const { studyMaterials, studyPlans } = county.collections;
const template = studyMaterials.find((m) => m._id === SUBJECT.materialId)!;
const SHORT = { textLength: 150, imageCount: 0 };
const NEEDED = plausibleReadingSeconds(SHORT);
const ids = ['adv-mat-a', 'adv-mat-b', 'adv-mat-c'];
const racing = ['adv-mat-d', 'adv-mat-e'];
for (const [i, id] of [...ids, ...racing].entries()) studyMaterials.push({ ...template, ...SHORT, _id: id, title: `短材料${i + 1}` });
const plan = studyPlans.find((p) => p._id === SUBJECT.planId)!;
plan.requiredMaterialIds = [...plan.requiredMaterialIds, ...ids, ...racing];
plan.materialIds = [...plan.materialIds, ...ids, ...racing];

const IDLE_SECONDS = NEEDED + 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = (materialId: string, n: number) => ({
  batchId: `adv-${materialId}-${n}`,
  materialId,
  dwellSeconds: IDLE_SECONDS,
  furthest: 1,
  position: 1,
});

const env = seededCloud(county.collections);

describe('attack: idling with several materials open', () => {
  it('completes at most one material out of one idle stretch', async () => {
    expect(NEEDED).toBe(10);
    const member = attacker(env.qc, CALLER_OPENIDS.member, { requests: 8, seconds: 60 });
    for (const materialId of ids) expect((await member.call('study', 'openMaterial', { materialId })).ok).toBe(true);
    await sleep(IDLE_SECONDS * 1000);
    // Two reported one call each, the third together with a replay of the first in one call.
    const completed = new Set<string>();
    const replies = [
      await member.call('study', 'reportProgress', { reports: [report(ids[0]!, 1)] }),
      await member.call('study', 'reportProgress', { reports: [report(ids[1]!, 1)] }),
      await member.call('study', 'reportProgress', { reports: [report(ids[2]!, 1), report(ids[0]!, 2)] }),
    ];
    for (const reply of replies) {
      if (!reply.ok) throw new Error(reply.error.code);
      for (const row of (reply.data as { progress: { materialId: string; progress: { status: string } }[] }).progress) {
        if (row.progress.status === 'completed') completed.add(row.materialId);
      }
    }
    const credited = ids.map(
      (id) => (env.qc.cloud.engine.find('studyProgress', { materialId: id })[0] as { creditedSeconds: number }).creditedSeconds,
    );
    console.log(`shared-reading-time: ${JSON.stringify({ idleSeconds: IDLE_SECONDS, completed: [...completed], credited })}`);
    expect(completed.size).toBeLessThanOrEqual(1);
    // Time is one resource: what all materials were credited together is no more than the time that passed.
    expect(credited.reduce((a, b) => a + b, 0)).toBeLessThan(IDLE_SECONDS + 5);
  });

  it('completes at most one material when the reports race each other', async () => {
    const member = attacker(env.qc, CALLER_OPENIDS.member, { requests: 4, seconds: 60 });
    for (const materialId of racing) expect((await member.call('study', 'openMaterial', { materialId })).ok).toBe(true);
    await sleep(IDLE_SECONDS * 1000);
    const replies = await Promise.all(
      racing.map((materialId) => member.call('study', 'reportProgress', { reports: [report(materialId, 1)] })),
    );
    const completed = replies.flatMap((reply) =>
      reply.ok
        ? (reply.data as { progress: { materialId: string; progress: { status: string } }[] }).progress.filter(
            (row) => row.progress.status === 'completed',
          )
        : [],
    );
    console.log(`shared-reading-time (racing): ${JSON.stringify({ completed: completed.map((row) => row.materialId) })}`);
    expect(completed.length).toBeLessThanOrEqual(1);
  });

  it('costs one report of one material at most one database request more than before (5)', async () => {
    const { result, dbRequests } = await env.qc.cloud.call<Envelope<unknown>>(
      'study',
      { action: 'reportProgress', data: { reports: [report(ids[1]!, 9)] } },
      CALLER_OPENIDS.member,
    );
    console.log(`shared-reading-time: one reportProgress took ${dbRequests} database requests`);
    expect(result.ok).toBe(true);
    expect(dbRequests).toBeLessThanOrEqual(6);
  });
});
