import type { Engine } from '../engine';
import type { AdminActionRegistry } from '../server/admin-actions';
import { aggregateActions } from './actions/aggregate';
import { collectionActions } from './actions/collections';
import { queryActions } from './actions/queries';
import { legacyTransactionActions, transactionActions } from './actions/transactions';
import type { DatabaseActions } from './actions/types';
import { writeActions } from './actions/writes';
import { withPlatformErrors } from './platform-errors';
import { RequestParams } from './request-params';

const ALL_ACTIONS: DatabaseActions[] = [
  collectionActions,
  queryActions,
  writeActions,
  aggregateActions,
  transactionActions,
  legacyTransactionActions,
];

/** Registers every `database.*` action the installed SDK (@cloudbase/database 1.4.3) can send. */
export function registerDatabaseActions(registry: AdminActionRegistry, engine: Engine): void {
  for (const actions of ALL_ACTIONS) {
    for (const [name, action] of Object.entries(actions(engine))) {
      registry.register(
        name,
        withPlatformErrors((ctx) => action(new RequestParams(ctx.body))),
      );
    }
  }
}
