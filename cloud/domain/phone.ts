/**
 * Phone numbers shown to people they do not belong to, and written to logs: masked, so that a
 * number can be recognised (138****2830) but not called or collected.
 */

/** 13886812830 → 138****2830; 0317-5551234 → 031****1234; anything short → ****. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return phone ? '****' : ''
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

// A mobile (optionally +86, optionally spaced 3-4-4) or a landline with its area code, not part of
// a longer run of digits such as an epoch-milliseconds timestamp or a credit code.
const PHONE_IN_TEXT = /(?<![\d])(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)/g

/** Every phone number in a text, masked. */
export function redactPhones(text: string): string {
  return text.replace(PHONE_IN_TEXT, (found) => maskPhone(found.replace(/^\+?86[-\s]?/, '')))
}
