import { View } from '@tarojs/components'
import { ComingSoon } from '../../components/coming-soon'
import { ContactCard } from '../../components/contact-card'
import { useMe } from '../../hooks/use-me'

/** 诉求 tab. Online filing opens with the appeals feature; until then, the officer is one call away. */
export default function AppealsPage() {
  const { data: me } = useMe()
  return (
    <View className='bb-page'>
      <ComingSoon title='在线提交诉求即将开放' description='诉求 24 小时受理，一般诉求 3 日内办结，紧急事项随叫随到。'>
        {me?.enterprise && <ContactCard label='现在可直接联系驻企特派员' person={me.enterprise.officer} />}
      </ComingSoon>
    </View>
  )
}
