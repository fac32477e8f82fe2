import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `bindAttempts`: one document per rate-limit key (`openid:<openid>` or `name:<hash of the claimed name>`), its
 * failures as epoch milliseconds, pruned to one window on every write so it never grows. Read and written in
 * a transaction, so parallel guesses are counted one by one.
 */
export interface BindAttemptDoc {
  _id: string;
  failures: number[];
  updatedAt: Date;
}

export async function getAttemptFailures(store: DocStore, key: string): Promise<number[]> {
  const res = await store.collection(COLLECTIONS.bindAttempts).doc(key).get();
  const doc = res.data as unknown as BindAttemptDoc | null;
  return doc?.failures ?? [];
}

export async function putAttemptFailures(store: DocStore, key: string, failures: number[], at: Date): Promise<void> {
  await store
    .collection(COLLECTIONS.bindAttempts)
    .doc(key)
    .set({ data: { failures, updatedAt: at } });
}

/** Takes back one recorded failure (an attempt charged up front that turned out to succeed). */
export async function removeAttemptFailure(db: Db, key: string, failureAt: number): Promise<void> {
  await db
    .collection(COLLECTIONS.bindAttempts)
    .doc(key)
    .update({ data: { failures: db.command.pull(failureAt) } });
}
