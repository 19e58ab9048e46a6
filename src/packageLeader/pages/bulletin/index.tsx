import { Button } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { percent } from '../../../../cloud/domain/metrics'
import { ApiError, callApi } from '../../../api/client'
import { useAction } from '../../../hooks/use-action'
import { beijing } from '../../../utils/time'
import { saveWorkbook } from '../../../utils/workbook'
import { PagePending } from '../../../components/page-state'
import { DepartmentSectionsView } from '../../components/department-sections'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/**
 * 一月一通报 as it is printed and sent: the title, the summary, every department's figures with the
 * lagging ones marked, the help delivered, then each department's sections (visits, milestones, key
 * projects, help, indicators) with the lagging pressed from there. Exported as Excel; in a browser,
 * printed on A4.
 */
export default function BulletinPage() {
  // Opened without a month (a shared link, a bookmark): the last full month, which is the one reported.
  const month = useRouter().params.month || beijing(Date.now()).subtract(1, 'month').format('YYYY-MM')
  const { data: bulletin, reload } = useAction('bulletin.month', { month }, month)
  const [busy, setBusy] = useState(false)
  if (!bulletin) return <PagePending />
  const exportXlsx = async () => {
    setBusy(true)
    try {
      const file = await callApi('bulletin.export', { month })
      await saveWorkbook(file.fileName, file.base64)
    } catch (e) {
      if (e instanceof ApiError) void Taro.showToast({ title: e.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className={pageClass('bulletin')}>
      <View className='bulletin__paper'>
        <View className='bulletin__title'>{month.replace('-', '年')}月企业诉求办理情况通报</View>
        <Text className='bulletin__summary' userSelect>
          {bulletin.summary}
        </Text>
        {/* Eight columns do not fit a phone: the table scrolls sideways rather than run its figures together. */}
        <ScrollView scrollX className='bulletin__scroll'>
          <View className='bulletin__table'>
            <View className='bulletin__row bulletin__row--head'>
              <Text>排名</Text>
              <Text>部门</Text>
              <Text>受理</Text>
              <Text>超期</Text>
              <Text>响应率</Text>
              <Text>按期率</Text>
              <Text>满意率</Text>
              <Text>解决率</Text>
            </View>
            {[...bulletin.departments, bulletin.total].map((row) => (
              <View
                key={row.departmentId ?? 'total'}
                className={`bulletin__row ${row.missed.length ? 'bulletin__row--lagging' : ''} ${row.departmentId ? '' : 'bulletin__row--total'}`}
              >
                <Text>{row.rank ?? ''}</Text>
                <Text>{row.name}</Text>
                <Text>{row.received}</Text>
                <Text>{row.overdue}</Text>
                <Text>{percent(row.responseRate)}</Text>
                <Text>{percent(row.onTimeRate)}</Text>
                <Text>{percent(row.satisfactionRate)}</Text>
                <Text>{percent(row.resolutionRate)}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
        <View className='bulletin__note'>
          目标：响应率 {percent(bulletin.targets.responseRate)}，按期办结率 {percent(bulletin.targets.onTimeRate)}，满意率{' '}
          {percent(bulletin.targets.satisfactionRate)}
          。未达标部门以红色标出，计入季度督查和年度考核。按期率把超期未办结和超期后撤回的诉求计为未按期；解决率按企业自己说的问题是否解决计算；不予受理、撤回、暂停计时另计。
        </View>
        {bulletin.help.length > 0 && <View className='bulletin__help'>帮扶成效：{bulletin.help.map((h) => h.text).join('；')}。</View>}
        <DepartmentSectionsView bulletin={bulletin} onPressed={reload} />
      </View>
      <View className='bulletin__actions'>
        <Button type='primary' loading={busy} onClick={exportXlsx}>
          导出 Excel
        </Button>
        {process.env.TARO_ENV === 'h5' && <Button onClick={() => window.print()}>打印</Button>}
      </View>
    </View>
  )
}
