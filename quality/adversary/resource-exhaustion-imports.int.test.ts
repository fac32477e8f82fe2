import type { Envelope } from '@zbxx/contracts';
import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, qualityCounty } from '../support/quality-county';
import { attacker } from './support/attacker';
import { xlsxBomb } from './support/zip-files';

/**
 * Resource exhaustion: decompression bombs in imports.
 *
 * Attacker: an admin (or anyone holding an admin's phone) with one crafted file.
 * Goal: one small request that costs the server a lot: a ~200 KB .xlsx whose shared strings expand to 200 MB,
 * sent to the roster import, the question-bank import and (as a .docx) the material import, to run the
 * function out of memory and stall every other admin.
 * Budget: one request per import, 60 seconds in all.
 * Success for the attacker: any answer other than the typed refusal (IMPORT.BAD_FILE, or IMPORT.UNREADABLE
 * for a .docx), or another admin's request failing while the bomb is being handled.
 */

jest.setTimeout(120_000);

const county = qualityCounty();
let qc: QualityCloud;
let bomb: Buffer;

beforeAll(async () => {
  [qc, bomb] = await Promise.all([startQualityCloud(county.collections as unknown as Record<string, object[]>), xlsxBomb(200)]);
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);

describe('a ~200 KB zip that expands to 200 MB', () => {
  it('is small enough to send inline', () => {
    expect(bomb.length).toBeLessThan(300 * 1024);
  });

  const imports: [string, string, string, (base64: string) => unknown, string][] = [
    ['org.importPreview (roster)', 'org', 'importPreview', (base64) => ({ file: { fileName: '花名册.xlsx', base64 } }), 'IMPORT.BAD_FILE'],
    [
      'quiz.importPreview (question bank)',
      'quiz',
      'importPreview',
      (base64) => ({ file: { fileName: '题库.xlsx', base64 } }),
      'IMPORT.BAD_FILE',
    ],
    [
      'study.importDocument (.docx material)',
      'study',
      'importDocument',
      (base64) => ({ format: 'docx', fileName: '学习材料.docx', base64 }),
      'IMPORT.BAD_FILE',
    ],
  ];

  it.each(imports)('%s answers the typed refusal while another admin keeps working', async (_label, fn, action, input, code) => {
    const spy = attacker(qc, DEMO_OPENIDS.admin, { requests: 1, seconds: 60 });
    const [refused, bystander] = await Promise.all([
      spy.call(fn, action, input(bomb.toString('base64'))),
      qc.call('org', 'rosterList', { pageSize: 5 }, CALLER_OPENIDS.ownAdmin),
    ]);
    expect({ attacker: codeOf(refused), bystander: codeOf(bystander) }).toEqual({ attacker: code, bystander: 'ok' });
    if (!refused.ok) expect(refused.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('after the attempts, the same functions still serve ordinary requests', async () => {
    const replies = await Promise.all([
      qc.call('org', 'rosterList', { pageSize: 5 }, DEMO_OPENIDS.admin),
      qc.call('quiz', 'bankOverview', {}, DEMO_OPENIDS.admin),
      qc.call('study', 'summary', {}, DEMO_OPENIDS.admin),
    ]);
    expect(replies.map(codeOf)).toEqual(['ok', 'ok', 'ok']);
  });
});
