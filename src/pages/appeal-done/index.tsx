import { ResultPage } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PagePending } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { promiseLines } from './promise-lines'
import './index.scss'
import { pageClass } from '../../hooks/use-care-mode'

/**
 * 提交成功: where an owner's form (and staff taking one down) lands once the appeal is filed. The
 * 诉求编号 to quote, what the office now owes and by when, and the two ways on: the appeal, or home.
 */
export default function AppealDonePage() {
  const id = useRouter().params.id ?? ''
  const { data: appeal } = useAction('appeal.get', { id }, id)
  const { data: me } = useMe()
  if (!appeal || !me) return <PagePending />

  const view = () => Taro.redirectTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(appeal.id)}` })
  const home = () => Taro.reLaunch({ url: '/pages/home/index' })
  return (
    <View className={pageClass('appeal-done')}>
      <View className='bb-card'>
        <ResultPage
          status='success'
          title='提交成功'
          description={
            <View>
              <View className='appeal-done__number'>
                诉求编号 <Text selectable>{appeal.number}</Text>
              </View>
              <View className='appeal-done__promise'>
                {promiseLines(appeal, me.promise).map((line) => (
                  <View key={line.label} className='appeal-done__line'>
                    <Text className='appeal-done__label'>{line.label}</Text>
                    <View className='appeal-done__rule'>
                      <Text>{line.rule}</Text>
                      <Text className='bb-muted'>{line.by}</Text>
                    </View>
                  </View>
                ))}
                <View className='bb-muted appeal-done__hint'>办理进展会通过消息通知您，也可凭诉求编号向工作人员查询。</View>
              </View>
            </View>
          }
          actions={[
            { text: '查看诉求', type: 'primary', onClick: view },
            { text: '返回首页', onClick: home },
          ]}
        />
      </View>
    </View>
  )
}
