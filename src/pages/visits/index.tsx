import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { VisitHost } from '../../../cloud/contract'
import { Chips } from '../../components/chips'
import { ComingSoon } from '../../components/coming-soon'
import { VisitCard } from '../../components/visit-card'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

const SCOPES = ['upcoming', 'past'] as const
type Scope = (typeof SCOPES)[number]
const SCOPE_LABELS: Record<Scope, string> = { upcoming: '即将进行', past: '已结束' }
const VISITOR_ROLES = ['officer', 'dept_head', 'leader']

const go = (url: string) => () => Taro.navigateTo({ url })

/** 走访 tab: an owner books and follows visits; a visitor answers requests and keeps their round. */
export default function VisitsPage() {
  const { data: me } = useMe()
  if (!me) return <PagePending />
  if (me.user.role === 'owner' && me.enterprise) return <OwnerVisits />
  if (VISITOR_ROLES.includes(me.user.role)) return <VisitorVisits />
  if (me.user.role === 'admin') {
    return (
      <View className={pageClass()}>
        <ComingSoon title='走访达标' description='帮扶责任人每周、部门负责人每月、包抓领导每季度至少走访一次。'>
          <Button type='primary' block onClick={go('/packageVisit/pages/compliance/index')}>
            查看走访达标
          </Button>
        </ComingSoon>
      </View>
    )
  }
  return (
    <View className={pageClass()}>
      <ComingSoon title='绑定企业后即可预约走访' description='驻企特派员每周、部门负责人每月、包抓领导每季度至少到企业走访一次。'>
        <Button type='primary' block onClick={go('/pages/bind/index')}>
          绑定企业
        </Button>
      </ComingSoon>
    </View>
  )
}

function VisitList({ scope, showEnterprise }: { scope: Scope; showEnterprise: boolean }) {
  const { data } = useAction('visit.listMine', { scope, limit: 50 }, scope)
  return (
    <>
      {data?.items.map((visit) => (
        <VisitCard key={visit.id} visit={visit} showEnterprise={showEnterprise} />
      ))}
      {data?.items.length === 0 && (
        <View className='bb-card bb-muted'>{scope === 'upcoming' ? '没有待进行的走访。' : '还没有走访记录。'}</View>
      )}
    </>
  )
}

function OwnerVisits() {
  const [scope, setScope] = useState<Scope>('upcoming')
  const { data: slots } = useAction('visit.slots', {})
  return (
    <View className={pageClass('visits')}>
      <View className='bb-section-title'>预约走访</View>
      {slots?.hosts.map((host) => (
        <HostRow key={host.id} host={host} />
      ))}
      <View className='bb-muted visits__promise'>特派员每周、部门负责人每月、包抓领导每季度至少走访一次；紧急事项随叫随到。</View>
      <Chips options={SCOPES} value={scope} onChange={setScope} label={(s) => SCOPE_LABELS[s]} />
      <View className='visits__gap' />
      <VisitList scope={scope} showEnterprise={false} />
    </View>
  )
}

function HostRow({ host }: { host: VisitHost }) {
  const free = host.slots.filter((s) => s.free)
  return (
    <View className='bb-card visits__host'>
      <View className='visits__host-text'>
        <View className='visits__host-name'>
          {host.name} <View className='visits__host-role'>{host.role === 'leader' ? '包抓领导' : host.roleLabel}</View>
        </View>
        <View className='bb-muted'>{free.length ? `最近可约：${free[0].label}` : '近期暂无可约时段，可电话联系'}</View>
      </View>
      <Button
        size='small'
        type='primary'
        disabled={free.length === 0}
        onClick={go(`/packageVisit/pages/book/index?host=${encodeURIComponent(host.id)}`)}
      >
        {host.kind === 'meeting' ? '约座谈' : '约走访'}
      </Button>
    </View>
  )
}

function VisitorVisits() {
  const [scope, setScope] = useState<Scope>('upcoming')
  const scan = async () => {
    // On WeChat the camera reads the enterprise's code; in a browser the code is typed on the check-in page.
    if (process.env.TARO_ENV !== 'weapp') return Taro.navigateTo({ url: '/packageVisit/pages/checkin/index' })
    const { result, path } = await Taro.scanCode({ onlyFromCamera: true })
    const code = /[?&](?:c|scene)=([^&]+)/.exec(path ?? result)?.[1]
    void Taro.navigateTo({ url: `/packageVisit/pages/checkin/index?c=${code ?? ''}` })
  }
  return (
    <View className={pageClass('visits')}>
      <View className='visits__tools'>
        <View className='visits__tool' role='button' onClick={scan}>
          扫码签到
        </View>
        <View className='visits__tool' role='button' onClick={go('/packageVisit/pages/record/index')}>
          记录走访
        </View>
        <View className='visits__tool' role='button' onClick={go('/packageVisit/pages/availability/index')}>
          可约时间
        </View>
        <View className='visits__tool' role='button' onClick={go('/packageVisit/pages/compliance/index')}>
          走访达标
        </View>
      </View>
      <Chips options={SCOPES} value={scope} onChange={setScope} label={(s) => SCOPE_LABELS[s]} />
      <View className='visits__gap' />
      <VisitList scope={scope} showEnterprise />
    </View>
  )
}
