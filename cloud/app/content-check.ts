import type { ContentCheck } from '../actions/ports'

/**
 * The local host's content check: passes everything, unless CONTENT_CHECK_WORDS lists words that
 * mark a text 'risky' (and CONTENT_CHECK_REVIEW words that mark it 'review'), so both paths can be
 * tried without WeChat.
 */
export function localContentCheck(env: NodeJS.ProcessEnv = process.env): ContentCheck {
  const words = (name: string) => (env[name] ?? '').split(',').map((w) => w.trim()).filter(Boolean)
  const risky = words('CONTENT_CHECK_WORDS')
  const review = words('CONTENT_CHECK_REVIEW')
  return {
    async check(text) {
      if (risky.some((w) => text.includes(w))) return 'risky'
      if (review.some((w) => text.includes(w))) return 'review'
      return 'pass'
    },
  }
}
