import { encodeEjson } from '../../protocol/ejson';
import { invalid } from '../request-params';
import type { DatabaseActions } from './types';

/**
 * `db.startTransaction()` / `runTransaction()`. Document operations inside a transaction reuse the ordinary
 * actions with a `transactionId`; the SDK reads `transactionId` at the top level of the reply.
 */
export const transactionActions: DatabaseActions = (engine) => ({
  'database.startTransaction': () => ({ transactionId: engine.startTransaction() }),
  'database.commitTransaction': (params) => {
    engine.commitTransaction(params.requiredTransactionId());
    return {};
  },
  'database.abortTransaction': (params) => {
    engine.abortTransaction(params.requiredTransactionId());
    return {};
  },
});

/**
 * The older transaction API still bundled in @cloudbase/database (transaction.js: `get/set/update/delete`
 * on a document reference). Its replies carry EJSON strings at the top level.
 */
export const legacyTransactionActions: DatabaseActions = (engine) => ({
  'database.getInTransaction': (params) => {
    const [doc] = engine.find(
      params.collectionName(),
      { _id: documentIdOf(params.raw('_id')) },
      { transactionId: params.requiredTransactionId() },
    );
    return { data: encodeEjson(doc ?? null) };
  },
  'database.updateDocInTransaction': (params) => {
    const update = params.requiredObject('data');
    // set() sends the document itself (with upsert), update() sends { $set: … }.
    const replace = !Object.keys(update).some((key) => key.startsWith('$'));
    const result = engine.update(params.collectionName(), { _id: documentIdOf(params.raw('_id')) }, update, {
      replace,
      upsert: params.flag('upsert', false),
      transactionId: params.requiredTransactionId(),
    });
    return {
      updated: encodeEjson(result.modified),
      upserted: result.upsertedId === undefined ? null : JSON.stringify([{ _id: result.upsertedId }]),
    };
  },
  'database.deleteDocInTransaction': (params) => ({
    deleted: encodeEjson(
      engine.remove(params.collectionName(), { _id: documentIdOf(params.raw('_id')) }, { transactionId: params.requiredTransactionId() }),
    ),
  }),
});

function documentIdOf(raw: unknown): string | number {
  if (typeof raw === 'string' || typeof raw === 'number') return raw;
  throw invalid('_id is required');
}
