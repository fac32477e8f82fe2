export * from './errors';
export * from './envelope';
export * from './define';
export * from './common';
export * from './field-labels';
export * from './dev';
export * from './functions/account';
