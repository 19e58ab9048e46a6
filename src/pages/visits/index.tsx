import { View } from '@tarojs/components'
import { ComingSoon } from '../../components/coming-soon'
import { ContactCard } from '../../components/contact-card'
import { useMe } from '../../hooks/use-me'

/** 走访 tab. Booking opens with the visits feature; the promise of who comes how often is already true. */
export default function VisitsPage() {
  const { data: me } = useMe()
  return (
    <View className='bb-page'>
      <ComingSoon title='预约走访即将开放' description='帮扶责任人每周、部门负责人每月、包抓领导每季度至少到企业走访一次。'>
        {me?.enterprise && <ContactCard label='驻企特派员' person={me.enterprise.officer} />}
      </ComingSoon>
    </View>
  )
}
