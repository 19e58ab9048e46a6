import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { IndicatorReportView } from '../../../../cloud/contract'
import { ORDER_STATES, type OrderState } from '../../../../cloud/domain/ledger/indicators'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { reportIndicatorsInput } from '../../../../cloud/contract/indicator'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { beijing } from '../../../utils/time'
import { Field } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import '../visit-pages.scss'

interface Form {
  revenue: string
  employees: string
  tax: string
  orders: OrderState | undefined
  power: string
  situation: string
}

const EMPTY: Form = { revenue: '', employees: '', tax: '', orders: undefined, power: '', situation: '' }
const ORDER_IDS = Object.keys(ORDER_STATES) as OrderState[]

/** A typed figure, or nothing when left empty (the server then names the field to fill). */
const figure = (value: string) => (value.trim() === '' ? undefined : Number(value))

/**
 * 经营数据填报: my enterprise's figures for a month. A month is reported once it is over, until the
 * end of the month after (the current month may be filled in early); a second report replaces it.
 */
export default function IndicatorsPage() {
  const months = [beijing().subtract(1, 'month').format('YYYY-MM'), beijing().format('YYYY-MM')]
  const [month, setMonth] = useState(months[0])
  const { data, reload } = useAction('indicator.list', { month: months[1] })
  // What was reported for the month, to correct it.
  const reported = data?.reports.find((r) => r.month === month)

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        <View className='bb-section-title'>月份</View>
        <Chips options={months} value={month} onChange={setMonth} />
        <View className='bb-muted'>{reported ? '该月已填报，可修改后重新提交' : '每月填报一次，次月底前可修改'}</View>
      </View>
      {/* One form per month, filled when it first appears: never rewritten under the person's typing. */}
      {data ? <MonthForm key={month} month={month} reported={reported} onSaved={reload} /> : <PagePending inline rows={2} />}
      {data && data.reports.length > 0 && (
        <View className='bb-card visit-pages__label'>
          <View className='bb-section-title'>近 12 个月</View>
          {data.reports
            .slice()
            .reverse()
            .map((r) => (
              <View key={r.month} className='visit-pages__row'>
                <View>{r.month}</View>
                <View>
                  产值 {r.revenue} 万元 · 用工 {r.employees} 人 · {r.ordersLabel}
                  {r.revenueDrop !== null && (
                    <View className='bb-muted'>同比{r.revenueDrop > 0 ? `下降 ${r.revenueDrop}` : `增长 ${-r.revenueDrop}`}%</View>
                  )}
                </View>
              </View>
            ))}
        </View>
      )}
    </View>
  )
}

/** The figures as the form holds them (text, as typed). */
function formOf(reported: IndicatorReportView | undefined): Form {
  return reported
    ? {
        revenue: String(reported.revenue),
        employees: String(reported.employees),
        tax: String(reported.tax),
        orders: reported.orders,
        power: reported.power === null ? '' : String(reported.power),
        situation: reported.situation,
      }
    : EMPTY
}

function MonthForm({ month, reported, onSaved }: { month: string; reported?: IndicatorReportView; onSaved: () => Promise<void> }) {
  const [form, setForm] = useState<Form>(() => formOf(reported))
  const checks = useFormErrors()
  const edit = (change: Partial<Form>) => {
    setForm((f) => ({ ...f, ...change }))
    checks.clear(...Object.keys(change))
  }

  const submit = async () => {
    const values = {
      month,
      revenue: figure(form.revenue),
      employees: figure(form.employees),
      tax: figure(form.tax),
      orders: form.orders,
      power: figure(form.power) ?? null,
      situation: form.situation,
    }
    const done = await checks.submit(reportIndicatorsInput, values, (checked) => callApi('indicator.report', checked, { silent: true }))
    if (!done) return
    void Taro.showToast({ title: '已提交', icon: 'success' })
    await onSaved()
  }

  const foot = footMessage(checks.errors, ['revenue', 'employees', 'tax', 'power', 'orders', 'situation'])

  return (
    <>
      <View className='bb-card'>
        <View className='bb-section-title'>经营数据</View>
        <Field label='产值（万元）' error={checks.errors.revenue}>
          <Input value={form.revenue} onChange={(revenue) => edit({ revenue })} type='digit' placeholder='营业收入或产值' />
        </Field>
        <Field label='用工人数' error={checks.errors.employees}>
          <Input value={form.employees} onChange={(employees) => edit({ employees })} type='number' placeholder='月末在岗人数' />
        </Field>
        <Field label='纳税（万元）' error={checks.errors.tax}>
          <Input value={form.tax} onChange={(tax) => edit({ tax })} type='digit' placeholder='当月缴纳' />
        </Field>
        <Field label='用电（万度）' error={checks.errors.power}>
          <Input value={form.power} onChange={(power) => edit({ power })} type='digit' placeholder='可不填' />
        </Field>
        <Field label='订单情况' error={checks.errors.orders}>
          <Chips options={ORDER_IDS} value={form.orders} onChange={(orders) => edit({ orders })} label={(o) => ORDER_STATES[o]} />
        </Field>
        <Field label='经营状况' error={checks.errors.situation}>
          <Input
            value={form.situation}
            onChange={(situation) => edit({ situation })}
            maxLength={60}
            placeholder='一句话，如“订单饱满，正常生产”'
          />
        </Field>
      </View>
      {foot && (
        <View className='visit-pages__error' role='alert'>
          {foot}
        </View>
      )}
      <Button type='primary' block loading={checks.busy} onClick={submit}>
        提交
      </Button>
    </>
  )
}
