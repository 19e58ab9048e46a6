import { useEffect, useState } from 'react'
import type { PolicySummary } from '../../cloud/contract'
import type { AppealCategory } from '../../cloud/domain/appeal/categories'
import { callApi } from '../api/client'

/** Wait this long after the last keystroke, so typing a sentence asks once, not once per character. */
const PAUSE_MS = 700
/** Fewer characters than this say too little to match on. */
const MIN_LENGTH = 4

/**
 * The policy explainers that may already answer what the owner is typing (policy.suggest), asked
 * once typing pauses. A failure shows nothing: suggestions are a help, never in the way.
 */
export function usePolicySuggestions(text: string, category: AppealCategory | undefined): PolicySummary[] {
  const [suggestions, setSuggestions] = useState<PolicySummary[]>([])
  useEffect(() => {
    const typed = text.trim()
    if (typed.length < MIN_LENGTH) {
      setSuggestions([])
      return
    }
    let current = true
    const timer = setTimeout(() => {
      callApi('policy.suggest', { text: typed.slice(0, 1100), ...(category ? { category } : {}) }, { silent: true })
        .then((found) => current && setSuggestions(found))
        .catch(() => current && setSuggestions([]))
    }, PAUSE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [text, category])
  return suggestions
}
