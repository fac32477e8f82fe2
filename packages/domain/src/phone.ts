/** Mainland mobile numbers: 11 digits starting 13–19. */
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isMobilePhone(phone: string): boolean {
  return MOBILE_PATTERN.test(phone);
}

/** The last four digits, what a member types to claim their roster entry. */
export function phoneLast4(phone: string): string {
  return phone.slice(-4);
}

/**
 * Masks a phone number for display (138****1234). Only the first three and last four digits survive, so the
 * number can be recognised by its owner but not dialled by anyone else.
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
