export * from './errors';
export * from './envelope';
export * from './define';
export * from './common';
export * from './functions/account';
