import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { saveFiguresInput } from '../../../../cloud/contract/indicator'
import { FIGURE_LABELS, FIGURE_MODES, FIGURES, type AskedFigures, type FigureMode } from '../../../../cloud/domain/ledger/indicator-figures'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { FieldMessage } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { useFormErrors } from '../../../hooks/use-form-errors'

const MODES = Object.keys(FIGURE_MODES) as FigureMode[]

/**
 * 经营数据填报项: which of the monthly figures the town's enterprises report, each required,
 * optional or not asked; the form every owner and officer fills follows it from the next report on.
 */
export function IndicatorFiguresCard() {
  const { data: saved, reload } = useAction('indicator.figures', {})
  const [changed, setChanged] = useState<AskedFigures>()
  const checks = useFormErrors()
  if (!saved) return <PagePending inline rows={2} />
  const current = changed ?? saved

  const save = async () => {
    const done = await checks.submit(saveFiguresInput, current, (asked) => callApi('indicator.saveFigures', asked, { silent: true }))
    if (!done) return
    await reload()
    setChanged(undefined)
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <View className='bb-card'>
      <View className='bb-muted'>企业每月填报的经营数据；不填报的项不再出现在填报页，产值不填报时不做同比预警。</View>
      {FIGURES.map((f) => (
        <View key={f} className='departments__route'>
          <Text className='departments__category'>{FIGURE_LABELS[f]}</Text>
          <Chips
            options={MODES}
            value={current[f]}
            onChange={(mode) => {
              setChanged({ ...current, [f]: mode })
              checks.clear(...FIGURES)
            }}
            label={(mode) => FIGURE_MODES[mode]}
          />
          <FieldMessage error={checks.errors[f]} />
        </View>
      ))}
      <Button block type='primary' fill='outline' loading={checks.busy} disabled={!changed} onClick={save}>
        保存填报项
      </Button>
    </View>
  )
}
