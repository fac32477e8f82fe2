import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sdkEnv, startDevcloud } from '..';

/** The README's promise: a separate Node process, configured by environment variables alone, works. */
describe('examples/sdk-smoke.cjs in its own process', () => {
  it('creates, queries, updates, counts, aggregates and runs transactions with MongoDB semantics', async () => {
    const devcloud = await startDevcloud({ dataDir: ':memory:' });
    try {
      const script = path.join(__dirname, '../../examples/sdk-smoke.cjs');
      const { stdout } = await promisify(execFile)(process.execPath, [script], {
        env: { PATH: process.env.PATH ?? '', ...sdkEnv(devcloud) },
        timeout: 30_000,
      });
      const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
      expect(out.query).toEqual(['b', 'c']);
      expect(out.updated).toMatchObject({ _id: 'a', score: 75, tags: ['学习', '党日'] });
      expect(out.count).toBe(3);
      expect(out.aggregate).toEqual([
        { _id: '东关', total: 170 },
        { _id: '西关', total: 85 },
      ]);
      expect(out.afterTransactions).toEqual([76, 95]);
    } finally {
      await devcloud.close();
    }
  });
});
