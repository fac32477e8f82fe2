export * from './month-completion';
export * from './totals';
export * from './completion-pipeline';
export * from './reminder-policy';
export * from './figures';
