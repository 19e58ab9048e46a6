import { View } from '@tarojs/components'
import { ComingSoon } from '../../../components/coming-soon'

/** The leader dashboards (subpackage): the three rates, supervision and the monthly bulletin. */
export default function DashboardPage() {
  return (
    <View className='bb-page'>
      <ComingSoon title='看板建设中' description='响应率、按期办结率、满意率和月度通报将在这里呈现。' />
    </View>
  )
}
