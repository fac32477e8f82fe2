import { startSdkDatabase, type SdkDatabase } from '@zbxx/testing';
import type { Db, DbTransaction } from '../db';
import { withConflictRetry } from '../db-errors';

/**
 * Under the platform's transaction locks the second of two transactions writing one document fails at its
 * write, and wx-server-sdk 4.0.2 hands that conflict to its runTransaction without the code it retries on.
 * withConflictRetry runs the loser again on fresh data.
 */
let sdk: SdkDatabase;
beforeAll(async () => {
  sdk = await startSdkDatabase({ statsSettings: [{ _id: 'c', value: 0 }] });
});
afterAll(async () => {
  await sdk?.close();
});

async function racingIncrements(db: Db): Promise<{ attempts: number; failures: number; value: number }> {
  const start = ((await db.collection('statsSettings').doc('c').get()).data as { value: number }).value;
  let attempts = 0;
  let reads = 0;
  let releaseBoth!: () => void;
  const bothRead = new Promise<void>((resolve) => (releaseBoth = resolve));
  const increment = async (tx: DbTransaction) => {
    attempts += 1;
    const { data } = await tx.collection('statsSettings').doc('c').get();
    reads += 1;
    if (reads === 2) releaseBoth();
    await bothRead;
    await tx
      .collection('statsSettings')
      .doc('c')
      .update({ data: { value: (data as { value: number }).value + 1 } });
  };
  const outcomes = await Promise.allSettled([db.runTransaction(increment), db.runTransaction(increment)]);
  const value = ((await db.collection('statsSettings').doc('c').get()).data as { value: number }).value;
  return { attempts, failures: outcomes.filter((o) => o.status === 'rejected').length, value: value - start };
}

it('the bare SDK loses one of two racing increments to the conflict', async () => {
  expect(await racingIncrements(sdk.db)).toEqual({ attempts: 2, failures: 1, value: 1 });
});

it('withConflictRetry runs the loser again: both increments land', async () => {
  expect(await racingIncrements(withConflictRetry(sdk.db))).toEqual({ attempts: 3, failures: 0, value: 2 });
});
