import { Image, View } from '@tarojs/components'
import { useAction } from '../../../hooks/use-action'
import '../visit-pages.scss'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'

/**
 * 企业走访码: the owner shows it (printed at the gate, or on the phone) and the visitor scans it to
 * check in, which proves the visit took place.
 */
export default function CheckinCodePage() {
  const { data } = useAction('enterprise.checkinCode', {})
  if (!data) return <PagePending />
  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card code__card'>
        <View className='visit-pages__title'>{data.enterpriseName}</View>
        <View className='bb-muted'>走访码</View>
        {data.image && <Image className='code__image' src={data.image} mode='aspectFit' showMenuByLongpress />}
        <View className='code__text'>{data.code}</View>
      </View>
      <View className='bb-muted visit-pages__hint'>
        特派员、部门负责人和包抓领导来企业走访时，请他们用助企帮办扫这个码签到，走访就会计入达标。可以打印贴在接待室。
      </View>
    </View>
  )
}
