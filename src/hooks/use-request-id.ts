import { useCallback, useState } from 'react'
import { newRequestId } from './use-draft'

/**
 * One request id per form, sent with every submit of it, so that a retry or a doubled tap is the
 * same request and the server makes one thing; renewed once the form's request went through.
 */
export function useRequestId(): [string, () => void] {
  const [id, setId] = useState(newRequestId)
  const renew = useCallback(() => setId(newRequestId()), [])
  return [id, renew]
}
