export * from './random';
export * from './generate-county';
export * from './dev-identities';
