import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { IndicatorReportView } from '../../../../cloud/contract'
import { ORDER_STATES, type OrderState } from '../../../../cloud/domain/ledger/indicators'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { reportIndicatorsFor } from '../../../../cloud/contract/indicator'
import { FIGURE_LABELS, shownFigures, type AskedFigures, type Figure } from '../../../../cloud/domain/ledger/indicator-figures'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { reportableMonths } from '../../../utils/time'
import { Field } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import { useMe } from '../../../hooks/use-me'
import '../visit-pages.scss'

type NumberFigure = Exclude<Figure, 'orders'>

interface Form extends Record<NumberFigure, string> {
  orders: OrderState | undefined
  situation: string
}

const EMPTY: Form = { revenue: '', employees: '', tax: '', orders: undefined, power: '', situation: '' }
const ORDER_IDS = Object.keys(ORDER_STATES) as OrderState[]
/** How each number is typed, and what its box says when the town asks for it. */
const NUMBER_BOXES: Record<NumberFigure, { type: 'digit' | 'number'; placeholder: string }> = {
  revenue: { type: 'digit', placeholder: '营业收入或产值' },
  employees: { type: 'number', placeholder: '月末在岗人数' },
  tax: { type: 'digit', placeholder: '当月缴纳' },
  power: { type: 'digit', placeholder: '当月用电' },
}

/** A typed figure, or nothing when left empty (the check then names the field to fill). */
const figure = (value: string) => (value.trim() === '' ? undefined : Number(value))
/** A figure of the trend, or a dash where that month's report has none. */
const shown = (value: number | string | null, unit: string) => (value === null ? '—' : `${value}${unit}`)

/**
 * 经营数据填报: my enterprise's figures for a month. A month is reported once it is over, until the
 * end of the month after (the current month may be filled in early); a second report replaces it.
 * The form asks for the figures the town asks for (indicator.figures), each required or optional.
 */
export default function IndicatorsPage() {
  // Staff open an enterprise's figures by its id; an owner's page is their own enterprise's.
  const enterpriseId = decodeURIComponent(useRouter().params.enterpriseId ?? '')
  const months = reportableMonths()
  const [month, setMonth] = useState(months[0])
  const { data: me } = useMe()
  const input = enterpriseId ? { enterpriseId, month: months[1] } : { month: months[1] }
  const { data, reload } = useAction('indicator.list', input, enterpriseId)
  // An owner reports, and the covering officer on its behalf; heads, leaders and admins read.
  const reports = me?.user.role === 'owner' || me?.user.role === 'officer'
  useEffect(() => {
    if (me && !reports) void Taro.setNavigationBarTitle({ title: '经营数据' })
  }, [me, reports])
  if (!data || !me) return <PagePending />
  // What was reported for the month, to correct it.
  const reported = data.reports.find((r) => r.month === month)

  return (
    <View className={pageClass('visit-pages')}>
      {enterpriseId && (
        <View className='bb-card'>
          <View className='visit-pages__title'>{data.enterpriseName}</View>
          <View className='bb-muted'>{reports ? '可代企业填报或更正，企业负责人会看到' : '近 12 个月经营数据'}</View>
        </View>
      )}
      {reports && (
        <>
          <View className='bb-card'>
            <View className='bb-section-title'>月份</View>
            <Chips options={months} value={month} onChange={setMonth} />
            <View className='bb-muted'>{reported ? '该月已填报，可修改后重新提交' : '每月填报一次，次月底前可修改'}</View>
          </View>
          {/* One form per month, filled when it first appears: never rewritten under the person's typing. */}
          <MonthForm key={month} month={month} enterpriseId={enterpriseId} asked={data.asked} reported={reported} onSaved={reload} />
        </>
      )}
      <View className='bb-card visit-pages__label'>
        <View className='bb-section-title'>近 12 个月</View>
        {data.reports.length === 0 && <View className='bb-muted'>还没有填报。</View>}
        {data.reports
          .slice()
          .reverse()
          .map((r) => (
            <View key={r.month} className='visit-pages__row'>
              <View>{r.month}</View>
              <View>
                产值 {shown(r.revenue, ' 万元')} · 用工 {shown(r.employees, ' 人')}
                {r.ordersLabel && ` · ${r.ordersLabel}`}
                {r.revenueDrop !== null && (
                  <View className={r.revenueDrop > 0 ? 'visit-pages__late' : 'bb-muted'}>
                    同比{r.revenueDrop > 0 ? `下降 ${r.revenueDrop}` : `增长 ${-r.revenueDrop}`}%
                  </View>
                )}
                {(r.tax !== null || r.power !== null) && (
                  <View className='bb-muted'>
                    {[r.tax !== null && `纳税 ${r.tax} 万元`, r.power !== null && `用电 ${r.power} 万度`].filter(Boolean).join(' · ')}
                  </View>
                )}
                {r.situation && <View className='bb-muted'>{r.situation}</View>}
              </View>
            </View>
          ))}
      </View>
    </View>
  )
}

/** The figures as the form holds them (text, as typed). */
function formOf(reported: IndicatorReportView | undefined): Form {
  return reported
    ? {
        revenue: reported.revenue === null ? '' : String(reported.revenue),
        employees: reported.employees === null ? '' : String(reported.employees),
        tax: reported.tax === null ? '' : String(reported.tax),
        orders: reported.orders ?? undefined,
        power: reported.power === null ? '' : String(reported.power),
        situation: reported.situation,
      }
    : EMPTY
}

interface MonthFormProps {
  month: string
  /** The enterprise an officer reports for; empty for an owner's own. */
  enterpriseId: string
  asked: AskedFigures
  reported?: IndicatorReportView
  onSaved: () => Promise<void>
}

function MonthForm({ month, enterpriseId, asked, reported, onSaved }: MonthFormProps) {
  const [form, setForm] = useState<Form>(() => formOf(reported))
  const checks = useFormErrors()
  const edit = (change: Partial<Form>) => {
    setForm((f) => ({ ...f, ...change }))
    checks.clear(...Object.keys(change))
  }
  const figures = shownFigures(asked)

  const submit = async () => {
    // Only what the form shows is sent: a figure the town does not ask for stays out.
    const values = {
      ...(enterpriseId ? { enterpriseId } : {}),
      month,
      ...Object.fromEntries(figures.map((f) => [f, f === 'orders' ? form.orders : figure(form[f])])),
      situation: form.situation,
    }
    const schema = reportIndicatorsFor(asked)
    const done = await checks.submit(schema, values, (checked) => callApi('indicator.report', checked, { silent: true }))
    if (!done) return
    void Taro.showToast({ title: '已提交', icon: 'success' })
    await onSaved()
  }

  const foot = footMessage(checks.errors, [...figures, 'situation'])

  return (
    <>
      <View className='bb-card'>
        <View className='bb-section-title'>经营数据</View>
        {figures.map((f) =>
          f === 'orders' ? (
            <Field key={f} label={FIGURE_LABELS[f]} error={checks.errors[f]}>
              <Chips options={ORDER_IDS} value={form.orders} onChange={(orders) => edit({ orders })} label={(o) => ORDER_STATES[o]} />
            </Field>
          ) : (
            <Field key={f} label={FIGURE_LABELS[f]} error={checks.errors[f]}>
              <Input
                value={form[f]}
                onChange={(value) => edit({ [f]: value })}
                type={NUMBER_BOXES[f].type}
                placeholder={asked[f] === 'optional' ? `${NUMBER_BOXES[f].placeholder}（可不填）` : NUMBER_BOXES[f].placeholder}
              />
            </Field>
          ),
        )}
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
