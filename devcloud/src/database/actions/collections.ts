import { AdminActionError } from '../../server/admin-actions';
import type { DatabaseActions } from './types';

/** `db.createCollection(name)`: the platform refuses to create a collection twice. */
export const collectionActions: DatabaseActions = (engine) => ({
  'database.addCollection': (params) => {
    const name = params.collectionName();
    if (!engine.createCollection(name)) {
      throw new AdminActionError('DATABASE_COLLECTION_ALREADY_EXIST', `collection already exists: ${name}`);
    }
    return {};
  },
});
