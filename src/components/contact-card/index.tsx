import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PersonContact } from '../../../cloud/contract'
import './index.scss'

/** A person who serves the enterprise, with a one-tap call: an owner's first way to get help. */
export function ContactCard({ label, person }: { label: string; person: PersonContact | null }) {
  if (!person) return null
  return (
    <View className='contact-card'>
      <View className='contact-card__who'>
        <Text className='bb-muted'>{label}</Text>
        <Text className='contact-card__name'>{person.name}</Text>
        <Text className='bb-muted'>{person.title}</Text>
      </View>
      <Button size='small' type='primary' fill='outline' onClick={() => Taro.makePhoneCall({ phoneNumber: person.phone })}>
        打电话
      </Button>
    </View>
  )
}
