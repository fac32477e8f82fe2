import type { SortSpec } from '../../engine';
import { encodeEjson } from '../../protocol/ejson';
import { invalid } from '../request-params';
import type { DatabaseActions } from './types';

/** The platform's `get()` answers 100 documents unless told otherwise, and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const queryActions: DatabaseActions = (engine) => ({
  /** `where(...).get()`, `doc(id).get()` (also inside transactions). */
  'database.getDocument': (params) => {
    const offset = params.optionalNumber('offset') ?? 0;
    const limit = Math.min(params.optionalNumber('limit') || DEFAULT_LIMIT, MAX_LIMIT);
    const docs = engine.find(params.collectionName(), params.query(), {
      sort: sortOf(params.optionalObject('order')),
      skip: offset,
      limit,
      projection: params.optionalObject('projection'),
      transactionId: params.transactionId(),
    });
    return { data: { list: docs.map(encodeEjson), offset, limit } };
  },

  /** `count()`. */
  'database.calculateDocument': (params) => ({
    data: { total: engine.count(params.collectionName(), params.query()) },
  }),
});

/** `orderBy(field, 'asc'|'desc')` arrives as `{ field: 1 | -1, … }` in call order. */
function sortOf(order: Record<string, unknown> | undefined): SortSpec | undefined {
  if (!order) return undefined;
  const sort: SortSpec = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalid(`order of ${field} must be 1 or -1`);
    sort[field] = direction;
  }
  return sort;
}
