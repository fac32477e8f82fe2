/** Outside the mini-program no API waits for privacy consent: nothing to listen to, no guide to open. */
export function installPrivacyListener(): void {}

export function openPrivacyGuide(): void {}
