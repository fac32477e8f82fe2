/**
 * 主题党日签到: the pure rules of check-in. code.ts (rotating codes, uses node:crypto) is left out on purpose so
 * the client bundle never pulls node:crypto; cloud functions import '@zbxx/domain/src/checkin/code' directly.
 */
export * from './qr-payload';
export * from './geofence';
export * from './attendance';
