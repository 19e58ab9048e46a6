import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/**
 * One labelled row of a form: the label on the left, the input on the right, and the field's own
 * message under it. A box never stands alone with only a placeholder to say what it is for.
 */
export function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className='bb-field'>
      <View className='bb-field__row'>
        <Text className='bb-field__label'>{label}</Text>
        <View className='bb-field__input'>{children}</View>
      </View>
      {error && (
        <View className='bb-field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  )
}

/** A field's message where the field is not a labelled row (a section's chips, a text area): under it, or nothing. */
export function FieldMessage({ error }: { error?: string }) {
  return error ? (
    <View className='bb-field-message' role='alert'>
      {error}
    </View>
  ) : null
}
