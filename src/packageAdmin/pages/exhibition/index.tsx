import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { callApi } from '../../../api/client'
import { useAction } from '../../../hooks/use-action'
import { Chips } from '../../../components/chips'
import { ExhibitionForm } from './exhibition-form'
import { ExhibitorForm } from './exhibitor-form'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/**
 * 展会扫码 (admins): the exhibition's scans and registrations, the busiest booths, scans by hour,
 * the booths with their codes, and placing an exhibitor on a booth. The codes print from one sheet
 * (the local host) or are made as mini-program codes (CloudBase).
 */
export default function AdminExhibitionPage() {
  const { params } = useRouter()
  const { data: list, reload: reloadList } = useAction('expo.adminList', {})
  const [chosen, setChosen] = useState<string>()
  const [editing, setEditing] = useState<'new' | 'this'>()
  const id = chosen ?? params.id ?? list?.[0]?.id ?? ''
  const { data: stats, reload: reloadStats } = useAction('expo.stats', { id }, id, { skip: !id })
  const { data: detail, reload } = useAction('expo.adminGet', { id }, id, { skip: !id })
  const [adding, setAdding] = useState(false)
  const [busy, setBusy] = useState(false)

  const saved = (savedId: string) => {
    setEditing(undefined)
    setChosen(savedId)
    void reloadList()
    void reload()
  }
  if (list && list.length === 0) {
    return (
      <View className={pageClass('admin-expo')}>
        <View className='bb-muted admin-expo__empty'>还没有展会，先创建一个。</View>
        <ExhibitionForm onSaved={saved} />
      </View>
    )
  }
  if (!stats || !detail) return <PagePending />

  const printCodes = async () => {
    setBusy(true)
    try {
      const codes = await callApi('expo.codes', { id })
      if (codes.printUrl && process.env.TARO_ENV === 'h5') {
        window.open(`${API_BASE}${codes.printUrl}`, '_blank')
        return
      }
      const images = codes.codes.flatMap((c) => (c.image ? [c.image] : []))
      if (codes.pending > 0)
        void Taro.showToast({ title: `已生成 ${images.length} 个，还有 ${codes.pending} 个，请再点一次`, icon: 'none' })
      if (images.length > 0) void Taro.previewImage({ urls: images })
    } finally {
      setBusy(false)
    }
  }
  const peak = Math.max(1, ...stats.byHour.map((h) => h.scans))
  const t = stats.totals

  return (
    <View className={pageClass('admin-expo')}>
      {list && list.length > 1 && (
        <Chips options={list.map((e) => e.id)} value={id} onChange={setChosen} label={(v) => list.find((e) => e.id === v)?.name ?? v} />
      )}
      <View className='admin-expo__actions'>
        <Text className='bb-link' onClick={() => setEditing(editing === 'this' ? undefined : 'this')}>
          修改本届信息
        </Text>
        <Text className='bb-link' onClick={() => setEditing(editing === 'new' ? undefined : 'new')}>
          新建展会
        </Text>
      </View>
      {editing && (
        <ExhibitionForm
          key={editing}
          exhibition={editing === 'this' ? detail : undefined}
          featuredPolicyIds={detail.featuredPolicyIds}
          onSaved={saved}
        />
      )}
      <View className='bb-card'>
        <Text className='admin-expo__name'>{detail.name}</Text>
        <View className='bb-muted'>
          {detail.dateLabel} · {detail.venue} · {detail.phaseLabel} · {detail.exhibitors.length}/{detail.boothCount} 个展位已安排 · VIP
          邀请码 {detail.invitations.claimed}/{detail.invitations.total}
        </View>
        <View className='admin-expo__totals'>
          {[
            ['扫码人次', t.scans],
            ['扫码人数', t.people],
            ['登记观众', t.visitors],
            ['VIP 采购商', t.vips],
            ['关注展商', t.follows],
          ].map(([label, value]) => (
            <View key={label} className='admin-expo__total'>
              <Text className='admin-expo__number'>{value}</Text>
              <Text className='bb-muted'>{label}</Text>
            </View>
          ))}
        </View>
        <Button type='primary' block loading={busy} onClick={printCodes}>
          打印展位码
        </Button>
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>最热展位</View>
        {stats.busiest.length === 0 && <View className='bb-muted'>还没有人扫展位码。</View>}
        {stats.busiest.map((b, i) => (
          <View key={b.id} className='admin-expo__row'>
            <Text>
              {i + 1}. {b.boothNo} {b.name}
            </Text>
            <Text className='bb-muted admin-expo__figure'>
              扫码 {b.scans} · 关注 {b.follows}
            </Text>
          </View>
        ))}
      </View>

      {stats.byHour.length > 0 && (
        <View className='bb-card'>
          <View className='bb-section-title'>分时扫码</View>
          {stats.byHour.map((h) => (
            <View key={h.hour} className='admin-expo__bar-row'>
              <Text className='admin-expo__hour'>{h.hour}</Text>
              <View className='admin-expo__bar' style={{ width: `${(h.scans / peak) * 60}%` }} />
              <Text className='bb-muted'>{h.scans}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='bb-section-title'>
        展位与展商
        <Text className='bb-link' onClick={() => setAdding(!adding)}>
          {adding ? '收起' : '安排展商'}
        </Text>
      </View>
      {adding && (
        <ExhibitorForm
          exhibitionId={id}
          halls={detail.halls}
          onSaved={() => {
            setAdding(false)
            void reload()
            void reloadStats()
          }}
        />
      )}
      <View className='bb-card'>
        {detail.exhibitors.map((e) => (
          <View key={e.id} className='admin-expo__row'>
            <Text>
              {e.boothNo} {e.name}
              {e.freeZone ? '（免费）' : ''}
            </Text>
            {/* The hall, as people look for a booth; the code's scene is for the printed sheet, not for reading. */}
            <Text className='bb-muted'>{e.hall}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
