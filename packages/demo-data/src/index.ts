export * from './random';
export * from './generate-county';
export * from './dev-identities';
export * from './study-plans';
export * from './study-texts';
