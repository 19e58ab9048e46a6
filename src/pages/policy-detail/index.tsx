import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useAction } from '../../hooks/use-action'
import './index.scss'

/** The explainer's light Markdown as plain text: bullets as dots, emphasis marks dropped. */
function readable(markdown: string): string {
  return markdown.replace(/\*\*/g, '').replace(/^\s*[-*]\s+/gm, '• ')
}

/** 政策解读: the plain-language explainer, section by section. */
export default function PolicyDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: policy } = useAction('policy.get', { id }, id)
  if (!policy) return <View className='bb-page' />

  return (
    <View className='bb-page policy-detail'>
      <View className='bb-card'>
        <Text className='policy-detail__title'>{policy.title}</Text>
        <View className='policy-detail__tags'>
          <Tag plain round background='var(--bb-primary)'>{policy.category}</Tag>
          {policy.expired && <Tag plain round background='var(--bb-text-muted)'>已过期</Tag>}
        </View>
        <View className='bb-muted'>
          {policy.issuer}
          {policy.docNo ? ` · ${policy.docNo}` : ''}
        </View>
        <View className='bb-muted'>
          {policy.effectiveFrom} 起施行{policy.expiresAt ? `，${policy.expiresAt} 截止` : ''}
        </View>
        <View className='policy-detail__summary'>{policy.summary}</View>
      </View>
      {policy.sections.map((section) => (
        <View key={section.heading} className='bb-card'>
          <View className='bb-section-title'>{section.heading}</View>
          <Text className='policy-detail__text' userSelect>
            {readable(section.text)}
          </Text>
        </View>
      ))}
    </View>
  )
}
