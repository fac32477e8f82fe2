export * from './random';
export * from './generate-county';
export * from './dev-identities';
export * from './study-plans';
export * from './study-texts';
export * from './quiz-bank';
export * from './quiz-rounds';
export * from './checkin-events';
