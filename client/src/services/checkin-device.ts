/** Platform switch (see pick-roster-file.ts): the browser build has no camera scan and no subscribe messages. */
export { canScan, canPickPlace, pickPlace, scanCheckinCode, locateForCheckin, askReminderConsent } from './checkin-device.h5';
