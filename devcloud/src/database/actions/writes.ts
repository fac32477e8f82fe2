import { encodeEjson } from '../../protocol/ejson';
import type { DatabaseActions } from './types';

export const writeActions: DatabaseActions = (engine) => ({
  /** `add()`, `doc(id).create()`, `add()` in a transaction. */
  'database.insertDocument': (params) => {
    const ids = engine.insert(params.collectionName(), params.documents(), { transactionId: params.transactionId() });
    return { data: { insertedIds: ids, inserted: ids.length } };
  },

  /**
   * `where().update()` (multi), `doc().update()` (merge), `doc().set()` (merge:false + upsert = replace or
   * create). `updated` counts documents that changed, `upsert_id` names a created one.
   */
  'database.modifyDocument': (params) => {
    const result = engine.update(params.collectionName(), params.query(), params.requiredObject('data'), {
      multi: params.flag('multi', false),
      upsert: params.flag('upsert', false),
      replace: !params.flag('merge', true),
      transactionId: params.transactionId(),
    });
    return { data: { updated: result.modified, ...(result.upsertedId !== undefined ? { upsert_id: result.upsertedId } : {}) } };
  },

  /** `where().remove()` (multi), `doc().remove()`. */
  'database.removeDocument': (params) => ({
    data: {
      deleted: engine.remove(params.collectionName(), params.query(), {
        multi: params.flag('multi', false),
        transactionId: params.transactionId(),
      }),
    },
  }),

  /** `where().updateAndReturn()`: updates the first match, answers it as updated. */
  'database.modifyAndReturnDoc': (params) => {
    const doc = engine.findOneAndUpdate(params.collectionName(), params.query(), params.requiredObject('data'), {
      transactionId: params.transactionId(),
    });
    return { data: { updated: doc ? 1 : 0, doc: doc ? encodeEjson(doc) : null } };
  },
});
