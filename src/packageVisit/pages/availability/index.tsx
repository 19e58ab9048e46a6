import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { HALF_LABELS, HALVES, type Half } from '../../../../cloud/domain/visit/halves'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing } from '../../../utils/time'
import { pageClass } from '../../../hooks/use-care-mode'
import '../visit-pages.scss'

const WEEKS = ['本周', '下周', '下下周'] as const
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** The Monday-first days of the week `offset` weeks from this one, in Beijing time. */
function weekOf(offset: number) {
  const today = beijing()
  const monday = today.subtract((today.day() + 6) % 7, 'day').add(offset, 'week')
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'))
}

/** 可预约时间: a visitor opens the half-days of a week that owners may book. Booked ones stay open. */
export default function AvailabilityPage() {
  const [week, setWeek] = useState<(typeof WEEKS)[number]>('本周')
  const days = weekOf(WEEKS.indexOf(week))
  const { data, reload } = useAction('visit.slots', {})
  const [open, setOpen] = useState<Set<string>>(new Set())
  const { busy, error, run } = useSubmit()
  const mine = useMemo(() => data?.hosts[0]?.slots ?? [], [data])
  const booked = new Set(mine.filter((s) => !s.free).map((s) => `${s.day}|${s.half}`))

  // The saved slots are the starting point each time they load.
  useEffect(() => {
    setOpen(new Set(mine.map((s) => `${s.day}|${s.half}`)))
  }, [mine])

  const toggle = (key: string) => {
    if (booked.has(key)) return
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  }
  const save = () =>
    run(async () => {
      const inWeek = days.map((d) => d.format('YYYY-MM-DD'))
      const slots = [...open]
        .map((key) => key.split('|') as [string, Half])
        .filter(([day]) => inWeek.includes(day))
        .map(([day, half]) => ({ day, half }))
      await callApi('visit.setAvailability', { weekOf: inWeek[0], slots })
      await reload()
      void Taro.showToast({ title: '已保存', icon: 'success' })
    })

  const past = (day: string, half: Half) => `${day} ${half === 'am' ? '09:00' : '14:30'}` <= beijing().format('YYYY-MM-DD HH:mm')
  return (
    <View className={pageClass('visit-pages')}>
      <Chips options={WEEKS} value={week} onChange={setWeek} />
      <View className='visit-pages__gap' />
      <View className='bb-card'>
        {days.map((d, i) => {
          const day = d.format('YYYY-MM-DD')
          return (
            <View key={day} className='visit-pages__row availability__row'>
              <View>
                {WEEKDAYS[i]} {d.format('M/D')}
              </View>
              <View className='chips'>
                {HALVES.map((half) => {
                  const key = `${day}|${half}`
                  const gone = past(day, half)
                  return (
                    <View
                      key={half}
                      role='checkbox'
                      aria-checked={open.has(key)}
                      aria-label={`${WEEKDAYS[i]}${HALF_LABELS[half]}`}
                      className={`chips__chip ${open.has(key) ? 'chips__chip--active' : ''} ${gone ? 'chips__chip--disabled' : ''}`}
                      onClick={() => !gone && toggle(key)}
                    >
                      {HALF_LABELS[half]}
                      {booked.has(key) ? '（已约）' : ''}
                    </View>
                  )
                })}
              </View>
            </View>
          )
        })}
      </View>
      <View className='bb-muted visit-pages__hint'>点亮的半天企业可以预约；已被预约的时段保持开放，如需调整请在走访详情中改约。</View>
      {error && <View className='visit-pages__error'>{error}</View>}
      <View className='visit-pages__gap' />
      <Button type='primary' block loading={busy} onClick={save}>
        保存{week}的安排
      </Button>
    </View>
  )
}
