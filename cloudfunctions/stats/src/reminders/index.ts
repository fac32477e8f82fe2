/** 催学 (study reminders), their consents and the branch's share card; wired by the stats function's entry. */
export { remind } from './remind';
export { remindLog } from './remind-log';
export { shareCard } from './share-card';
export { subscribe, subscription } from './subscribe';
export { scheduledRemindOnTimer } from './scheduled-remind';
