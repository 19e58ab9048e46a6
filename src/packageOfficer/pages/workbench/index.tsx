import { View } from '@tarojs/components'
import { ComingSoon } from '../../../components/coming-soon'

/** The officer workbench (subpackage): the appeal inbox and visit records will live here. */
export default function WorkbenchPage() {
  return (
    <View className='bb-page'>
      <ComingSoon title='工作台建设中' description='诉求收件箱、受理办结和走访记录将在这里处理。' />
    </View>
  )
}
