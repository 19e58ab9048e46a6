import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const STATUSES = ['all', 'draft', 'published', 'withdrawn'] as const
type Status = (typeof STATUSES)[number]
const STATUS_LABELS = { all: '全部', draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const

const edit = (id?: string) => Taro.navigateTo({ url: `/packageAdmin/pages/policy-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}` })

/** 政策管理 (admins): every policy whatever its status; write a new one or open one to edit, publish or withdraw. */
export default function AdminPoliciesPage() {
  const [status, setStatus] = useState<Status>('all')
  const { data } = useAction('policy.adminList', { status: status === 'all' ? undefined : status, limit: 50 }, status)
  return (
    <View className={pageClass('admin-policies')}>
      <Button type='primary' block onClick={() => edit()}>
        新建政策
      </Button>
      <View className='admin-policies__filters'>
        <Chips options={STATUSES} value={status} onChange={setStatus} label={(s) => STATUS_LABELS[s]} />
      </View>
      {data?.items.map((policy) => (
        <View
          key={policy.id}
          className='bb-card admin-policies__item'
          role='link'
          aria-label={policy.title}
          onClick={() => edit(policy.id)}
        >
          <View className='admin-policies__head'>
            <Text className='admin-policies__title'>{policy.title}</Text>
            <Tag plain round background={policy.status === 'published' ? 'var(--bb-success)' : 'var(--bb-text-muted)'}>
              {STATUS_LABELS[policy.status]}
            </Tag>
          </View>
          <Text className='bb-muted'>
            {policy.category} · {policy.issuer}
            {policy.expired ? ' · 已过期' : ''}
          </Text>
        </View>
      ))}
      {data?.items.length === 0 && <View className='bb-card bb-muted'>没有这种状态的政策。</View>}
    </View>
  )
}
