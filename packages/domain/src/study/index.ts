export * from './reading-length';
export * from './completion';
