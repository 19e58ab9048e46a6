import { View } from '@tarojs/components'
import './index.scss'

/** A row of choices, one selected: categories, urgency, filters. Lighter than a picker on a phone. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  label = (v: T) => v,
  nowrap = false,
}: {
  options: readonly T[]
  value: T | undefined
  onChange: (value: T) => void
  label?: (value: T) => string
  /** One line that scrolls sideways (inside a ScrollView) instead of wrapping. */
  nowrap?: boolean
}) {
  return (
    <View className={`chips ${nowrap ? 'chips--nowrap' : ''}`} role='radiogroup'>
      {options.map((option) => (
        <View
          key={option}
          role='radio'
          aria-checked={option === value}
          className={`chips__chip ${option === value ? 'chips__chip--active' : ''}`}
          onClick={() => onChange(option)}
        >
          {label(option)}
        </View>
      ))}
    </View>
  )
}
