import type { Envelope } from '@zbxx/contracts';
import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, SUBJECT, qualityCounty } from '../support/quality-county';
import { attacker } from './support/attacker';

/**
 * Unbounded retries: join requests with a leaked invite code.
 *
 * Attacker: someone who found a branch's invite code in a group chat, with as many WeChat accounts as they like.
 * Goal: flood the branch secretary's approval list (30 requests all named 李秀英), so the real 李秀英 is lost among
 * them or approved by mistake.
 * Budget: 30 requests from 30 WeChat accounts, 60 seconds.
 * Success for the attacker: more pending requests for the branch than the cap (10 new requests per branch per
 * day, at most 20 waiting at once).
 */

jest.setTimeout(90_000);

const county = qualityCounty();
let qc: QualityCloud;
let inviteCode: string;

const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);
const pendingOf = (branchId: string) =>
  qc.cloud.engine.find('bindings', { branchId, status: 'pending' }, { sort: { _id: 1 } }) as { _id: string }[];

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
  const reply = await qc.call('org', 'inviteCode', { branchId: SUBJECT.branchId }, CALLER_OPENIDS.ownSecretary);
  if (!reply.ok) throw new Error(`fixture: no invite code (${reply.error.code})`);
  inviteCode = (reply.data as { inviteCode: string }).inviteCode;
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

describe('30 WeChat accounts send join requests with one leaked invite code', () => {
  it('leaves at most 10 new pending requests in the branch', async () => {
    const before = pendingOf(SUBJECT.branchId).length;
    const codes: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const spy = attacker(qc, `qm-spam-${String(i).padStart(2, '0')}`, { requests: 1, seconds: 60 });
      codes.push(codeOf(await spy.call('account', 'bind', { method: 'invite', name: '李秀英', inviteCode })));
    }
    const created = pendingOf(SUBJECT.branchId).length - before;
    expect({ created, refused: codes.filter((c) => c === 'AUTH.RATE_LIMITED').length }).toEqual({
      created: 10,
      refused: 20,
    });
  });

  it('the cap is the branch’s own: a newcomer to another branch still gets through', async () => {
    const other = await qc.call('org', 'inviteCode', { branchId: SUBJECT.siblingBranchId }, CALLER_OPENIDS.secretaryOtherBranch);
    expect(other.ok).toBe(true);
    const code = (other as { data: { inviteCode: string } }).data.inviteCode;
    const reply = await qc.call('account', 'bind', { method: 'invite', name: '王建国', inviteCode: code }, 'qm-honest-newcomer');
    expect(codeOf(reply)).toBe('ok');
  });

  it('a branch with 20 requests already waiting (from earlier days) takes no more until the secretary acts', async () => {
    const branchId = 'org-b0003';
    const reply = await qc.call('org', 'inviteCode', { branchId }, DEMO_OPENIDS.admin);
    expect(reply.ok).toBe(true);
    const code = (reply as { data: { inviteCode: string } }).data.inviteCode;
    const earlier = new Date(Date.UTC(2026, 10, 1, 2, 0, 0));
    qc.cloud.engine.insertMany(
      'bindings',
      Array.from({ length: 20 - pendingOf(branchId).length }, (_, i) => ({
        _id: `qm-waiting-${i}`,
        status: 'pending',
        method: 'invite',
        branchId,
        branchName: '（质量测试）',
        name: '李秀英',
        nameKey: '李秀英',
        candidateMemberId: null,
        createdAt: earlier,
      })),
    );
    const spy = attacker(qc, 'qm-spam-late', { requests: 1, seconds: 30 });
    expect(codeOf(await spy.call('account', 'bind', { method: 'invite', name: '李秀英', inviteCode: code }))).toBe('AUTH.RATE_LIMITED');
    expect(pendingOf(branchId)).toHaveLength(20);
  });
});
