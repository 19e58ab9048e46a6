import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { SERVICE_GROUPS, type ServiceGroup } from '../../../../cloud/domain/service-catalogue'
import { Chips } from '../../../components/chips'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/** 帮办代办: what the town's proxy-service officers will run for you, in its three groups. */
export default function CataloguePage() {
  const [group, setGroup] = useState<ServiceGroup>('法人')
  const { data } = useAction('service.list', {})
  const items = data?.groups.find((g) => g.group === group)?.items ?? []
  return (
    <View className={pageClass('catalogue')}>
      <View className='bb-muted catalogue__intro'>不会办、没空跑？选一项点“请帮我办”，帮办员全程代跑，进度和诉求一样可查。</View>
      <Chips options={SERVICE_GROUPS} value={group} onChange={setGroup} label={(g) => `${g}事项`} />
      {!data && <PagePending inline />}
      <View className='catalogue__list'>
        {items.map((item) => (
          <View
            key={item.id}
            className='bb-card catalogue__item'
            role='link'
            aria-label={item.name}
            onClick={() => Taro.navigateTo({ url: `/packageService/pages/item/index?id=${encodeURIComponent(item.id)}` })}
          >
            <Text className='catalogue__name'>{item.name}</Text>
            <Text className='bb-muted'>{item.purpose}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
