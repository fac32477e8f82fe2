export * from './reading-progress';
export * from './study-summary';
export * from './checkin-event';
