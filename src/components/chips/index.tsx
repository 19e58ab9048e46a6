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

/** A row of choices, any number selected: the industries or kinds a policy is for. */
export function MultiChips<T extends string>({
  options,
  value,
  onChange,
  label = (v: T) => v,
}: {
  options: readonly T[]
  value: readonly T[]
  onChange: (value: T[]) => void
  label?: (value: T) => string
}) {
  const toggle = (option: T) => onChange(value.includes(option) ? value.filter((v) => v !== option) : [...value, option])
  return (
    <View className='chips' role='group'>
      {options.map((option) => (
        <View
          key={option}
          role='checkbox'
          aria-checked={value.includes(option)}
          className={`chips__chip ${value.includes(option) ? 'chips__chip--active' : ''}`}
          onClick={() => toggle(option)}
        >
          {label(option)}
        </View>
      ))}
    </View>
  )
}
