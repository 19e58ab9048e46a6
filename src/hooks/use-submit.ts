import { useCallback, useState } from 'react'
import { ApiError } from '../api/client'

/**
 * A form's submit: busy while it runs, and the API's Chinese message (which names the field) as the
 * error to show when it is refused. `run` answers whether the work finished; it is the same function
 * on every render, so an effect may depend on it.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined)
    setBusy(true)
    try {
      await work()
      return true
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      setError(e.message)
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, setError, run }
}
