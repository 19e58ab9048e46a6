import { Progress } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplianceRow } from '../../../../cloud/contract'
import { useAction } from '../../../hooks/use-action'
import { formatMoment } from '../../../utils/time'
import '../visit-pages.scss'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'

const openFile = (id: string) => () => Taro.navigateTo({ url: `/packageVisit/pages/dossier/index?id=${encodeURIComponent(id)}` })

/** 走访达标: my enterprises and whether this period's visit is made; for heads and leaders, everyone's. */
export default function CompliancePage() {
  const { data } = useAction('visit.compliance', {})
  if (!data) return <PagePending />
  const now = Date.now()
  const me = data.self
  const others = data.people.filter((p) => p.person.id !== me?.person.id)

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-muted visit-pages__hint'>
        本周（{data.periods.week}）、{data.periods.month}、{data.periods.quarter}的走访；只计入现场签到或企业确认的。
      </View>
      <View className='visit-pages__gap' />
      {data.mine.length > 0 && (
        <View className='bb-card'>
          <View className='bb-section-title'>
            我的包联企业 <View className='bb-muted'>{me ? `${me.periodLabel} ${me.visited}/${me.covered}` : ''}</View>
          </View>
          {data.mine.map((e) => (
            <View key={e.id} className='visit-pages__row' onClick={openFile(e.id)} role='link' aria-label={e.name}>
              <View className={e.done ? 'visit-pages__ok' : 'visit-pages__late'}>{e.done ? '已走访' : '未走访'}</View>
              <View>
                {e.name}
                <View className='bb-muted'>{e.lastVisitAt ? `最近一次走访 ${formatMoment(e.lastVisitAt, now)}` : '还没有走访记录'}</View>
              </View>
            </View>
          ))}
        </View>
      )}
      {others.length > 0 && (
        <View className='bb-card'>
          <View className='bb-section-title'>各人达标情况</View>
          {others.map((row) => (
            <PersonRow key={row.person.id} row={row} />
          ))}
        </View>
      )}
      {data.unvisited.length > 0 && (
        <View className='bb-card'>
          <View className='bb-section-title'>
            本月无人走访 <View className='visit-pages__late'>{data.unvisited.length} 家</View>
          </View>
          {data.unvisited.map((e) => (
            <View key={e.id} className='visit-pages__row' onClick={openFile(e.id)} role='link'>
              <View className='visit-pages__late'>未覆盖</View>
              <View>{e.name}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function PersonRow({ row }: { row: ComplianceRow }) {
  const rate = row.covered ? Math.round((row.visited / row.covered) * 100) : 100
  return (
    <View className='compliance__person'>
      <View className='visit-pages__row'>
        <View>
          {row.person.name}
          <View className='bb-muted'>{row.person.roleLabel}</View>
        </View>
        <View className='compliance__bar'>
          <View className={row.behind.length ? 'visit-pages__warn' : 'visit-pages__ok'}>
            {row.periodLabel} {row.visited}/{row.covered}
          </View>
          <Progress percent={rate} color={row.behind.length ? 'var(--bb-warning)' : 'var(--bb-success)'} />
          {row.behind.length > 0 && <View className='bb-muted'>未走访：{row.behind.map((b) => b.name).join('、')}</View>}
        </View>
      </View>
    </View>
  )
}
