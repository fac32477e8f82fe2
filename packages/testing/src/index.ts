export * from './test-cloud';
