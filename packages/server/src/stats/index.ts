export * from './aggregate';
export * from './month-requirements';
export * from './member-facts';
export * from './subtree-rollup';
export * from './member-month-records';
