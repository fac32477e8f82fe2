export { registerDatabaseActions } from './register';
export { DEFAULT_LIMIT, MAX_LIMIT } from './actions/queries';
