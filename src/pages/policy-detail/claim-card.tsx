import { Button, Step, Steps } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CLAIM_STAGES } from '../../../cloud/domain/policy-claim'
import { callApi } from '../../api/client'
import { useAction } from '../../hooks/use-action'
import { useRequestId } from '../../hooks/use-request-id'
import { useSubmit } from '../../hooks/use-submit'

const STEPS = ['已获知', '已申报', '已兑现', '确认收到'] as const
const REACHED = { unclaimed: 1, applied: 2, granted: 3, confirmed: 4 } as const

/**
 * 政策兑现 for an owner: how far their enterprise has come with this policy, and the one step that
 * is theirs next — say they applied, or confirm what was paid in the help ledger.
 */
export function ClaimCard({ policyId, open }: { policyId: string; open: boolean }) {
  const { data: claim, reload } = useAction('claim.status', { policyId }, policyId)
  const { busy, error, run } = useSubmit()
  const [requestId] = useRequestId()
  if (!claim) return null
  const apply = async () => {
    if (await run(() => callApi('claim.apply', { clientRequestId: requestId, policyId }))) await reload()
  }
  return (
    <View className='bb-card policy-claim'>
      <View className='bb-section-title'>政策兑现</View>
      <Steps value={REACHED[claim.stage]} direction='vertical'>
        {STEPS.map((title) => (
          <Step key={title} value={STEPS.indexOf(title) + 1} title={title} />
        ))}
      </Steps>
      <View className='bb-muted policy-claim__hint'>现在：{CLAIM_STAGES[claim.stage]}</View>
      {claim.stage === 'unclaimed' && open && (
        <>
          <View className='bb-muted'>已经按办理流程提交了申请？告诉特派员，他会跟进兑现。</View>
          <Button block fill='outline' type='primary' loading={busy} onClick={apply}>
            我已申报
          </Button>
        </>
      )}
      {claim.stage === 'granted' && (
        <Button block type='primary' onClick={() => Taro.navigateTo({ url: '/packageVisit/pages/help/index' })}>
          去确认收到
        </Button>
      )}
      {error && <Text className='policy-claim__error'>{error}</Text>}
    </View>
  )
}

/** 政策兑现 for staff: how many of the firms they cover stand at each stage, one tap from the list. */
export function ClaimFiguresCard({ policyId }: { policyId: string }) {
  const { data } = useAction('claim.list', { policyId, stage: 'unclaimed' }, `${policyId}:unclaimed`)
  if (!data) return null
  return (
    <View
      className='bb-card policy-claim'
      role='link'
      onClick={() => Taro.navigateTo({ url: `/packageOfficer/pages/policy-claims/index?id=${encodeURIComponent(policyId)}` })}
    >
      <View className='bb-section-title'>政策兑现</View>
      <View className='policy-reach__figures'>
        {(['unclaimed', 'applied', 'granted', 'confirmed'] as const).map((stage) => (
          <View key={stage} className='policy-reach__figure'>
            <Text className='policy-reach__value'>{data.counts[stage]}</Text>
            <Text className='bb-muted'>{CLAIM_STAGES[stage]}</Text>
          </View>
        ))}
      </View>
      <View className='bb-muted'>查看名单，跟进应享未享的企业 ›</View>
    </View>
  )
}
