import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Component } from '../../../../cloud/domain/assessment'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'

/** What one figure of a department's assessment counted: each item, done or not. */
export default function AssessmentItemsPage() {
  const params = useRouter().params
  const payload = { period: params.period ?? '', departmentId: params.departmentId ?? '', component: (params.component ?? '') as Component }
  const { data } = useAction('assessment.items', payload)
  if (!data) return <PagePending />
  return (
    <View className={pageClass()}>
      <View className='bb-section-title'>
        {`${data.departmentName} · ${data.label}`}
        <View className='bb-muted'>{`${data.period} · 计入 ${data.done}/${data.due}`}</View>
      </View>
      {data.items.map((item, i) => (
        <View key={i} className='bb-card'>
          <Text>{item.done ? '✓ ' : '✗ '}</Text>
          <Text>{item.label}</Text>
        </View>
      ))}
      {data.items.length === 0 && <View className='bb-card bb-muted'>这一项没有需要计入的内容。</View>}
    </View>
  )
}
