import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionInput } from '../../../../cloud/contract'
import { ROLE_LABELS, type Role } from '../../../../cloud/domain/roles'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { beijing } from '../../../utils/time'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

type Entity = NonNullable<ActionInput<'org.audit'>['entity']> | 'all'
const ENTITIES: readonly Entity[] = ['all', 'staff', 'department', 'routing', 'setting', 'enterprise', 'binding', 'owner']
const LABELS: Record<Entity, string> = {
  all: '全部',
  staff: '人员',
  department: '部门',
  routing: '分派',
  setting: '设置',
  enterprise: '企业名录',
  binding: '绑定码',
  owner: '企业成员',
}

const roleLabel = (role: string) => (role === 'operator' ? '运维人员' : (ROLE_LABELS[role as Role] ?? role))

/** 变更记录 (admins): who changed the organisation, the staff, the roster and the bindings, and when; newest first. */
export default function AuditPage() {
  const [entity, setEntity] = useState<Entity>('all')
  const [limit, setLimit] = useState(30)
  const { data } = useAction(
    'org.audit',
    { entity: entity === 'all' ? undefined : entity, limit: Math.min(limit, 50) },
    `${entity}|${limit}`,
  )
  return (
    <View className={pageClass('audit')}>
      <Chips options={ENTITIES} value={entity} onChange={setEntity} label={(e) => LABELS[e]} />
      <View className='audit__list'>
        {data?.items.map((e) => (
          <View key={e.id} className='bb-card audit__item'>
            <Text className='audit__summary'>{e.summary}</Text>
            <View className='bb-muted'>
              {beijing(e.at).format('YYYY-MM-DD HH:mm')} · {e.actor?.name ?? '系统'}（{roleLabel(e.actorRole)}）
            </View>
          </View>
        ))}
        {data?.items.length === 0 && <View className='bb-card bb-muted'>还没有变更。</View>}
      </View>
      {data?.hasMore && limit < 50 && (
        <Button block fill='outline' onClick={() => setLimit(50)}>
          显示更多
        </Button>
      )}
    </View>
  )
}
