import type { ContentCheck } from '../actions/ports'

/**
 * The local host's content check: passes everything, unless the configured words mark a text
 * 'risky' (CONTENT_CHECK_WORDS) or send it for 'review' (CONTENT_CHECK_REVIEW), so both paths can be
 * tried without WeChat.
 */
export function localContentCheck({ risky = [], review = [] }: { risky?: string[]; review?: string[] } = {}): ContentCheck {
  return {
    async check(text) {
      if (risky.some((w) => text.includes(w))) return 'risky'
      if (review.some((w) => text.includes(w))) return 'review'
      return 'pass'
    },
  }
}
