import { encodeEjson } from '../../protocol/ejson';
import type { DatabaseActions } from './types';

/**
 * Every write goes through `whenUnlocked`: a plain write to a document an open transaction has locked waits
 * for the lock, as on the platform ("普通的更新操作会被阻塞，直到事务锁释放或者超时"); a transactional one
 * never waits (it conflicts at once).
 */
export const writeActions: DatabaseActions = (engine) => ({
  /** `add()`, `doc(id).create()`, `add()` in a transaction. */
  'database.insertDocument': async (params) => {
    const ids = await engine.whenUnlocked(() =>
      engine.insert(params.collectionName(), params.documents(), { transactionId: params.transactionId() }),
    );
    return { data: { insertedIds: ids, inserted: ids.length } };
  },

  /**
   * `where().update()` (multi), `doc().update()` (merge), `doc().set()` (merge:false + upsert = replace or
   * create). `updated` counts documents that changed, `upsert_id` names a created one.
   */
  'database.modifyDocument': async (params) => {
    const result = await engine.whenUnlocked(() =>
      engine.update(params.collectionName(), params.query(), params.requiredObject('data'), {
        multi: params.flag('multi', false),
        upsert: params.flag('upsert', false),
        replace: !params.flag('merge', true),
        transactionId: params.transactionId(),
      }),
    );
    return { data: { updated: result.modified, ...(result.upsertedId !== undefined ? { upsert_id: result.upsertedId } : {}) } };
  },

  /** `where().remove()` (multi), `doc().remove()`. */
  'database.removeDocument': async (params) => ({
    data: {
      deleted: await engine.whenUnlocked(() =>
        engine.remove(params.collectionName(), params.query(), {
          multi: params.flag('multi', false),
          transactionId: params.transactionId(),
        }),
      ),
    },
  }),

  /** `where().updateAndReturn()`: updates the first match, answers it as updated. */
  'database.modifyAndReturnDoc': async (params) => {
    const doc = await engine.whenUnlocked(() =>
      engine.findOneAndUpdate(params.collectionName(), params.query(), params.requiredObject('data'), {
        transactionId: params.transactionId(),
      }),
    );
    return { data: { updated: doc ? 1 : 0, doc: doc ? encodeEjson(doc) : null } };
  },
});
