import type { Envelope, ImportPreview } from '@zbxx/contracts';
import type { MemberDoc, OrgDoc } from '@zbxx/server';
import { writeRosterTemplate } from '@zbxx/server/src/xlsx/roster-workbook';
import { branchPath, fillTemplate, rowOf } from '../../cloudfunctions/org/src/__tests__/roster-sheet';
import { startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, SUBJECT, qualityCounty } from '../support/quality-county';
import { attacker } from './support/attacker';

/**
 * Reference smuggling: file ids handed to the imports.
 *
 * Attacker: an admin of one 党委 (demo-admin-2, SUBJECT.committeeId).
 * Goals: (1) make the server read a file another admin uploaded (their roster, with names and full phones),
 * by passing its fileID to the roster or question import; (2) learn from a roster import whether a phone
 * belongs to a member outside their subtree; (3) crash the import with a missing, foreign-environment or
 * path-walking fileID (SYSTEM.INTERNAL is a crack to push on).
 * Budget: one request per fileID and per import, 30 seconds.
 * Success for the attacker: an import that reads the other admin's file (any answer but the typed refusal),
 * an error reason that tells "a member elsewhere" apart, or SYSTEM.INTERNAL.
 */

jest.setTimeout(60_000);

const county = qualityCounty();
const members = county.collections.members as MemberDoc[];
const orgs = county.collections.orgs as OrgDoc[];
let qc: QualityCloud;
let victimFileId: string;

const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);

/** The other admin's upload: a roster of their own subtree, through the same door the mini-program uses. */
async function victimUpload(content: Buffer): Promise<string> {
  const slot = await qc.call('org', 'importUpload', {}, CALLER_OPENIDS.adminOtherSubtree);
  // Before importUpload existed the mini-program chose the path itself.
  const cloudPath = slot.ok ? (slot.data as { cloudPath: string }).cloudPath : 'roster/uploads/1765500000000-victim.xlsx';
  return qc.cloud.upload(cloudPath, content);
}

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
  const theirs = members.filter((m) => m.orgPath.includes(SUBJECT.otherCommitteeId)).slice(0, 3);
  const roster = await fillTemplate(
    await writeRosterTemplate([]),
    theirs.map((m, i) => rowOf(m, orgs, i)),
  );
  victimFileId = await victimUpload(roster);
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

describe('an admin passes another admin’s fileID to an import', () => {
  it.each([
    ['org', 'importPreview'],
    ['quiz', 'importPreview'],
  ])('%s.%s refuses to read it', async (fn, action) => {
    const spy = attacker(qc, CALLER_OPENIDS.ownAdmin, { requests: 1, seconds: 30 });
    const reply = await spy.call(fn, action, { file: { fileID: victimFileId } });
    expect(codeOf(reply)).toBe('IMPORT.BAD_FILE');
  });

  it('the uploader themselves can import it (the refusal is about who, not what)', async () => {
    const reply = await qc.call('org', 'importPreview', { file: { fileID: victimFileId } }, CALLER_OPENIDS.adminOtherSubtree);
    expect(reply.ok && (reply.data as ImportPreview).totalRows).toBe(3);
  });
});

describe('malformed fileIDs answer a typed error, never SYSTEM.INTERNAL', () => {
  const env = () => victimFileId.slice('cloud://'.length).split('/')[0]!;
  const cases: [string, () => string][] = [
    ['a missing file', () => `cloud://${env()}/imports/up-doesnotexist0000.xlsx`],
    ['another environment', () => victimFileId.replace(/^cloud:\/\/[^./]+/, 'cloud://prod-1a2b3c')],
    ['a path that walks upwards', () => `cloud://${env()}/imports/../exports/2026-12/完成率.xlsx`],
    ['an export of the stats function', () => `cloud://${env()}/exports/2026-12/完成率.xlsx`],
  ];
  it.each(cases)('%s', async (_label, fileId) => {
    const spy = attacker(qc, CALLER_OPENIDS.ownAdmin, { requests: 2, seconds: 30 });
    const replies = await Promise.all([
      spy.call('org', 'importPreview', { file: { fileID: fileId() } }),
      spy.call('quiz', 'importPreview', { file: { fileID: fileId() } }),
    ]);
    expect(replies.map(codeOf)).toEqual(['IMPORT.BAD_FILE', 'IMPORT.BAD_FILE']);
  });
});

describe('a roster row whose phone belongs to a member outside the admin’s subtree', () => {
  it('gets a reason that says nothing about other subtrees', async () => {
    const elsewhere = members.find((m) => m.orgPath.includes(SUBJECT.otherCommitteeId))!;
    const row = [elsewhere.name, '男', elsewhere.phone, branchPath(orgs, SUBJECT.branchId), '党员', '2010-07-01', null] as const;
    const file = await fillTemplate(await writeRosterTemplate([]), [[...row]]);
    const spy = attacker(qc, CALLER_OPENIDS.ownAdmin, { requests: 1, seconds: 30 });
    const reply = await spy.call('org', 'importPreview', { file: { fileName: '花名册.xlsx', base64: file.toString('base64') } });
    const reasons = reply.ok ? (reply.data as ImportPreview).errors.map((e) => e.reason) : [codeOf(reply)];
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).not.toMatch(/范围以外|其他|别的|已登记/);
  });
});
