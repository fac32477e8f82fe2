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

/**
 * How a roster search's digits may match phone numbers. Admins of the subtree see full numbers, so any run of
 * digits is fair. Everyone else sees 187****8495: a substring match would turn each search into one bit about
 * the masked middle (prefix extension recovers a number in ~25 searches), so only what they can already see
 * (the last four digits) or what they already know (the exact full number) matches.
 */
export type PhoneSearch =
  { match: 'contains'; digits: string } | { match: 'last4'; digits: string } | { match: 'exact'; digits: string } | { match: 'nothing' };

export function phoneSearchOf(digits: string, seesFullNumbers: boolean): PhoneSearch {
  if (seesFullNumbers) return { match: 'contains', digits };
  if (digits.length === 4) return { match: 'last4', digits };
  if (digits.length === 11) return { match: 'exact', digits };
  return { match: 'nothing' };
}
