export * from './columns';
export * from './cells';
export * from './branch-resolver';
export * from './plan-import';
