import { useCallback, useState } from 'react'
import type { z } from 'zod'
import { ApiError } from '../api/client'
import { checkForm, errorsFromApi, withoutFields, type FieldErrors } from '../forms/validate'

/**
 * A form's messages, shown where they belong: `submit` checks the values with the action's schema
 * and shows every problem under its field before anything is sent; what the API refuses lands under
 * the field it names, or at the form's foot (`errors['']`). Editing a field clears its message
 * (`clear`). The call inside `submit` should be silent: the message is on the form, not in a toast.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const clear = useCallback((...fields: string[]) => setErrors((current) => withoutFields(current, fields)), [])
  /** A field's change handler that also takes its message away: `onChange={form.edited('title', setTitle)}`. */
  const edited = useCallback(
    <T>(field: string, set: (value: T) => void) =>
      (value: T) => {
        set(value)
        clear(field)
      },
    [clear],
  )

  /** Runs `send`; answers what it resolved with, or undefined when the API refused it (its message shown). */
  const run = useCallback(async <R>(send: () => Promise<R>) => {
    setErrors({})
    setBusy(true)
    try {
      return await send()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setErrors(errorsFromApi(error))
      return undefined
    } finally {
      setBusy(false)
    }
  }, [])

  /** Checks `values` with `schema` first: with any problem, every message is shown and nothing is sent. */
  const submit = useCallback(
    async <S extends z.ZodType, R>(schema: S, values: unknown, send: (data: z.output<S>) => Promise<R>) => {
      const checked = checkForm(schema, values)
      if (checked.ok) return run(() => send(checked.data))
      setErrors(checked.errors)
      return undefined
    },
    [run],
  )

  return { errors, busy, clear, edited, run, submit, setErrors }
}
