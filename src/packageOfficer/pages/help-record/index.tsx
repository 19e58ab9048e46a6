import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { HELP_KIND_IDS, HELP_KINDS, type HelpKind } from '../../../../cloud/domain/appeal/help'
import { callApi } from '../../../api/client'
import { Chips, MultiChips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useRequestId } from '../../../hooks/use-request-id'
import { recordHelpInput } from '../../../../cloud/contract/help'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { beijing } from '../../../utils/time'
import { Field, FieldMessage } from '../../../components/field'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/**
 * 记录帮扶: help delivered to the enterprises I cover, with or without an appeal; a meeting for
 * several firms is recorded once for all of them. Each firm's owner is asked to confirm it.
 */
export default function HelpRecordPage() {
  const today = beijing().format('YYYY-MM-DD')
  const { data: coverage } = useAction('visit.compliance', {})
  const [enterpriseIds, setEnterpriseIds] = useState<string[]>([])
  const [kind, setKind] = useState<HelpKind>()
  const [amount, setAmount] = useState('')
  const [givenOn, setGivenOn] = useState(today)
  const [note, setNote] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const form = useFormErrors()
  const enterprises = coverage?.mine ?? []
  const measure = kind ? HELP_KINDS[kind].measure : 'none'

  const submit = async () => {
    const values = {
      clientRequestId: requestId,
      enterpriseIds,
      kind,
      ...(measure === 'none' ? {} : { amount: amount.trim() === '' ? null : Number(amount) }),
      givenOn,
      note,
    }
    const done = await form.submit(recordHelpInput, values, (checked) => callApi('help.record', checked, { silent: true }))
    if (!done) return
    renewRequestId()
    void Taro.showToast({ title: '已记录，待企业确认', icon: 'none' })
    void Taro.navigateBack()
  }

  const foot = footMessage(form.errors, ['enterpriseIds', 'kind', 'amount', 'givenOn', 'note'])

  return (
    <View className={pageClass('help-record')}>
      <View className='bb-card'>
        <View className='bb-section-title'>企业（可多选）</View>
        {enterprises.length > 0 ? (
          <MultiChips
            options={enterprises.map((e) => e.id)}
            value={enterpriseIds}
            onChange={(ids) => {
              setEnterpriseIds(ids)
              form.clear('enterpriseIds')
            }}
            label={(id) => enterprises.find((e) => e.id === id)?.name ?? id}
          />
        ) : (
          <View className='bb-muted'>您没有包联的企业。</View>
        )}
        <FieldMessage error={form.errors.enterpriseIds} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>帮扶类型</View>
        <Chips
          options={HELP_KIND_IDS}
          value={kind}
          onChange={(k) => {
            setKind(k)
            form.clear('kind', 'amount')
          }}
          label={(k) => HELP_KINDS[k].label}
        />
        <FieldMessage error={form.errors.kind} />
        {measure !== 'none' && (
          <Field label={measure === 'people' ? '人数（每家）' : '金额（万元/家）'} error={form.errors.amount}>
            <Input
              value={amount}
              onChange={(value) => {
                setAmount(value)
                form.clear('amount')
              }}
              type={measure === 'people' ? 'number' : 'digit'}
              placeholder={measure === 'people' ? '每家企业的人数' : '每家企业的金额（万元）'}
            />
          </Field>
        )}
        <Field label='帮扶日期' error={form.errors.givenOn}>
          <Picker
            mode='date'
            value={givenOn}
            end={today}
            onChange={(e) => {
              setGivenOn(String(e.detail.value))
              form.clear('givenOn')
            }}
          >
            <View className='help-record__date'>{givenOn}</View>
          </Picker>
        </Field>
        <View className='help-record__label'>帮扶情况</View>
        <TextArea
          value={note}
          onChange={(value) => {
            setNote(value)
            form.clear('note')
          }}
          maxLength={200}
          rows={3}
          placeholder='帮扶情况，如“银企对接会，获得授信”'
        />
        <FieldMessage error={form.errors.note} />
      </View>
      {foot && (
        <View className='help-record__error' role='alert'>
          {foot}
        </View>
      )}
      <Button type='primary' block loading={form.busy} onClick={submit}>
        记录并请企业确认
      </Button>
    </View>
  )
}
