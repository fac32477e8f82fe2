import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectionEntries, functionEntry, generateCloudbaseRc, renderCloudbaseRc, RUNTIME } from '../deploy/cloudbase-config';
import { deployPlan } from '../deploy';

const REPO = path.resolve(__dirname, '../..');

describe('cloudbaserc.json', () => {
  const { rc, caveats } = generateCloudbaseRc(REPO);

  it('is committed exactly as generated from config.json files and indexes.json (npm run deploy -- --write)', () => {
    expect(readFileSync(path.join(REPO, 'cloudbaserc.json'), 'utf8')).toBe(renderCloudbaseRc(rc));
  });

  it('deploys every function folder on Node 20 with its own timeout and timer triggers', () => {
    const byName = Object.fromEntries(rc.functions.map((f) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(['account', 'checkin', 'org', 'quiz', 'stats', 'study']);
    for (const fn of rc.functions) {
      const config = JSON.parse(readFileSync(path.join(REPO, 'cloudfunctions', fn.name, 'config.json'), 'utf8')) as {
        timeout: number;
        triggers?: unknown[];
      };
      expect(fn).toMatchObject({
        runtime: RUNTIME,
        handler: 'index.main',
        timeout: config.timeout,
        memorySize: 256,
        installDependency: true,
      });
      expect(fn.triggers).toEqual(config.triggers);
    }
    expect(byName.stats?.triggers).toEqual([{ name: 'scheduledRemind', type: 'timer', config: '0 0 9 * * * *' }]);
  });

  it('creates every collection of the manifest, admin-only, with each index and its key order', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'cloudbase/indexes.json'), 'utf8')) as {
      collections: Record<string, unknown>;
    };
    const { collections } = rc.framework.plugins.database.inputs;
    expect(collections.map((c) => c.collectionName)).toEqual(Object.keys(manifest.collections));
    expect(new Set(collections.map((c) => c.aclTag))).toEqual(new Set(['ADMINONLY']));
    const attempts = collections.find((c) => c.collectionName === 'quizAttempts')!;
    expect(attempts.createIndexes[0]).toEqual({
      name: 'roundId_1_memberId_1_attemptNumber_1',
      unique: true,
      keys: [
        { name: 'roundId', direction: '1' },
        { name: 'memberId', direction: '1' },
        { name: 'attemptNumber', direction: '1' },
      ],
    });
  });

  it('never creates a sparse index as unique (the platform has no sparse option), and says so', () => {
    const { collections, caveats: notes } = collectionEntries({
      collections: { members: { indexes: [{ name: 'openid_1', fields: { openid: 1 }, unique: true, sparse: true }] } },
    });
    expect(collections[0]?.createIndexes[0]?.unique).toBe(false);
    expect(notes).toEqual([expect.objectContaining({ collection: 'members', index: 'openid_1' })]);
    expect(caveats.map((c) => `${c.collection}.${c.index}`)).toContain('members.openid_1');
  });

  it('refuses a config.json the platform would refuse at deploy time', () => {
    expect(() => functionEntry('x', { timeout: 61 })).toThrow('timeout must be 1–60');
    expect(() => functionEntry('x', { memorySize: 300 })).toThrow('memorySize');
    expect(() => functionEntry('x', { triggers: [{ name: 'daily', type: 'timer', config: '0 9 * * *' }] })).toThrow('7-field cron');
    expect(() => functionEntry('x', { triggers: [{ name: '9am', type: 'timer', config: '0 0 9 * * * *' }] })).toThrow(
      'start with a letter',
    );
  });
});

describe('npm run deploy plan', () => {
  it('builds, deploys each function, creates the timer triggers, then the database, all in the given environment', () => {
    const { rc } = generateCloudbaseRc(REPO);
    const plan = deployPlan(rc, 'zbxx-test');
    expect(plan[0]).toMatchObject({ command: 'node', args: ['scripts/build-functions.mjs'] });
    const tcb = plan.filter((s) => s.command === 'tcb').map((s) => s.args.join(' '));
    expect(tcb).toEqual([
      ...rc.functions.map((f) => `fn deploy ${f.name} --force --yes -e zbxx-test`),
      'fn trigger create checkin --yes -e zbxx-test',
      'fn trigger create stats --yes -e zbxx-test',
      'framework deploy -e zbxx-test',
    ]);
  });
});
