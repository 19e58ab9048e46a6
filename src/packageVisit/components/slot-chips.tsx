import { View } from '@tarojs/components'
import type { VisitSlot } from '../../../cloud/contract'

export type SlotChoice = Pick<VisitSlot, 'day' | 'half'>
export const sameSlot = (a: SlotChoice | undefined, b: SlotChoice) => a?.day === b.day && a.half === b.half

/** Half-days to choose from: taken ones stay visible but cannot be chosen, so the week's shape is clear. */
export function SlotChips({
  slots,
  value,
  onChange,
}: {
  slots: VisitSlot[]
  value: SlotChoice | undefined
  onChange: (slot: SlotChoice) => void
}) {
  if (slots.length === 0) return <View className='bb-muted'>近期没有开放的时段。</View>
  return (
    <View className='chips' role='radiogroup'>
      {slots.map((slot) => (
        <View
          key={`${slot.day}-${slot.half}`}
          role='radio'
          aria-checked={sameSlot(value, slot)}
          aria-disabled={!slot.free}
          className={`chips__chip ${sameSlot(value, slot) ? 'chips__chip--active' : ''} ${slot.free ? '' : 'chips__chip--disabled'}`}
          onClick={() => slot.free && onChange({ day: slot.day, half: slot.half })}
        >
          {slot.label}
          {slot.free ? '' : '（已约）'}
        </View>
      ))}
    </View>
  )
}
