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

// A mobile (optionally +86, its digits in any grouping with spaces, dots or hyphens) or a landline
// with its area code, not part of a longer run of digits such as a timestamp or a credit code.
const SEP = '[-\\s.]?'
const PHONE_IN_TEXT = new RegExp(`(?<![\\d])(?:\\+?86${SEP})?(?:1[3-9]\\d(?:${SEP}\\d){8}|0\\d{2,3}${SEP}\\d{7,8})(?![\\d])`, 'g')

/** Full-width digits (１３８) and the ideographic space read as their plain forms. */
const plainDigits = (text: string) => text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\u3000/g, ' ')

/** Every phone number in a text, masked: in plain or full-width digits, grouped any way. */
export function redactPhones(text: string): string {
  return plainDigits(text).replace(PHONE_IN_TEXT, (found) => maskPhone(found.replace(/^\+?86[-\s.]?/, '')))
}
