export * from './tree-rules';
export * from './transfer-history';
