import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ClaimList } from '../../../../cloud/contract'
import { CLAIM_STAGE_IDS, CLAIM_STAGES, type ClaimStage } from '../../../../cloud/domain/policy-claim'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { Field } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { useRequestId } from '../../../hooks/use-request-id'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing } from '../../../utils/time'
import '../help-record/index.scss'
import './index.scss'
import { pageClass } from '../../../hooks/use-care-mode'

type Item = ClaimList['items'][number]

/**
 * 政策兑现 of one policy for the enterprises I cover: who fits and has not applied (应享未享, to call
 * or visit), who applied and waits for the money, who was paid and whether they confirmed it.
 */
export default function PolicyClaimsPage() {
  const policyId = useRouter().params.id ?? ''
  const [stage, setStage] = useState<ClaimStage>('unclaimed')
  const { data, reload } = useAction('claim.list', { policyId, stage }, `${policyId}:${stage}`)
  const { data: policy } = useAction('policy.get', { id: policyId }, policyId)
  if (!data) return <PagePending />
  return (
    <View className={pageClass('help-record policy-claims')}>
      {policy && <View className='bb-section-title'>{policy.title}</View>}
      <Chips options={CLAIM_STAGE_IDS} value={stage} onChange={setStage} label={(s) => `${CLAIM_STAGES[s]} ${data.counts[s]}`} />
      {data.items.length === 0 && <View className='bb-card bb-muted'>没有{CLAIM_STAGES[stage]}的企业。</View>}
      {data.items.map((item) => (
        <ClaimRow key={item.enterpriseId} item={item} onChanged={reload} />
      ))}
    </View>
  )
}

function ClaimRow({ item, onChanged }: { item: Item; onChanged: () => void }) {
  const [granting, setGranting] = useState(false)
  const today = beijing().format('YYYY-MM-DD')
  const [grant, setGrant] = useState({ amount: '', givenOn: today, note: '' })
  const { busy, error, run } = useSubmit()
  const [requestId] = useRequestId()
  const apply = async () => {
    const payload = { clientRequestId: requestId, policyId: item.policyId, enterpriseId: item.enterpriseId }
    if (await run(() => callApi('claim.apply', payload))) onChanged()
  }
  const save = async () => {
    const payload = { id: item.claimId ?? '', amount: Number(grant.amount), givenOn: grant.givenOn, note: grant.note }
    if (await run(() => callApi('claim.grant', payload))) {
      setGranting(false)
      onChanged()
    }
  }
  return (
    <View className='bb-card'>
      <View className='policy-claims__head'>
        <Text className='policy-claims__name'>{item.enterpriseName}</Text>
        <Text className='bb-muted'>{item.stageLabel}</Text>
      </View>
      <View className='bb-muted'>
        {item.park}
        {item.officerName ? ` · ${item.officerName}` : ''} · {item.told ? '已阅读政策' : '尚未阅读政策'}
        {item.grantedAmount !== null ? ` · 兑现 ${item.grantedAmount / 10_000} 万元` : ''}
      </View>
      {item.stage === 'unclaimed' && (
        <Button size='small' fill='outline' loading={busy} onClick={apply}>
          企业已申报
        </Button>
      )}
      {item.stage === 'applied' && !granting && (
        <Button size='small' type='primary' onClick={() => setGranting(true)}>
          记录兑现
        </Button>
      )}
      {granting && (
        <>
          <Field label='金额（万元）'>
            <Input type='digit' value={grant.amount} placeholder='如：12' onChange={(amount) => setGrant({ ...grant, amount })} />
          </Field>
          <Field label='兑现日期'>
            <Picker mode='date' value={grant.givenOn} end={today} onChange={(e) => setGrant({ ...grant, givenOn: String(e.detail.value) })}>
              <Text>{grant.givenOn}</Text>
            </Picker>
          </Field>
          <TextArea
            value={grant.note}
            maxLength={200}
            rows={3}
            placeholder='兑现情况，如：技改补助已拨付到企业账户'
            onChange={(note) => setGrant({ ...grant, note })}
          />
          <Button size='small' type='primary' loading={busy} onClick={save}>
            保存，请企业确认收到
          </Button>
        </>
      )}
      {error && <View className='help-record__error'>{error}</View>}
    </View>
  )
}
