import { encodeEjson } from '../../protocol/ejson';
import { invalid } from '../request-params';
import type { DatabaseActions } from './types';

export const aggregateActions: DatabaseActions = (engine) => ({
  /** `aggregate()…end()`: stages arrive as `{ stageKey: "$group", stageValue: "<EJSON>" }`. */
  'database.aggregateDocuments': (params) => {
    const stages = params.raw('stages');
    if (!Array.isArray(stages)) throw invalid('stages must be an array');
    const pipeline = stages.map((stage: unknown, i) => {
      const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown };
      if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) throw invalid(`stage #${i} has no stageKey`);
      return { [stageKey]: params.decode(stageValue, `stages[${i}].stageValue`) };
    });
    return { data: { list: engine.aggregate(params.collectionName(), pipeline).map(encodeEjson) } };
  },
});
