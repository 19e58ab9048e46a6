import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { APPEAL_CATEGORIES, type AppealCategory } from '../../../../cloud/domain/appeal/categories'
import { SOURCE_LABELS, STAFF_CHANNELS, type StaffChannel } from '../../../../cloud/domain/appeal/rules'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { newRequestId, useDraft } from '../../../hooks/use-draft'
import { useMe } from '../../../hooks/use-me'
import { useSubmit } from '../../../hooks/use-submit'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

interface Draft {
  requestId: string
  enterpriseId: string | undefined
  channel: StaffChannel | undefined
  hotlineTicket: string
  category: AppealCategory | undefined
  title: string
  description: string
  contactName: string
  contactPhone: string
  anonymous: boolean
}

const ANONYMITY = ['named', 'anonymous'] as const

/**
 * 代为登记: staff take down an appeal for an enterprise they cover, from a phone call, a 12345 工单
 * (its number kept) or a visit to the window. The enterprise is told by message and follows and
 * rates it like its own; the deadlines promised are the rule in force.
 */
export default function FileForPage() {
  const { data: me } = useMe()
  const { data: coverage } = useAction('visit.compliance', {})
  const { draft, update, clear } = useDraft<Draft>('bangban.file-for-draft', () => ({
    requestId: newRequestId(),
    enterpriseId: undefined,
    channel: undefined,
    hotlineTicket: '',
    category: undefined,
    title: '',
    description: '',
    contactName: '',
    contactPhone: '',
    anonymous: false,
  }))
  const { busy, error, setError, run } = useSubmit()
  const enterprises = coverage?.mine ?? []

  const submit = async () => {
    if (!draft.enterpriseId) return setError('请选择企业')
    if (!draft.channel) return setError('请选择诉求来源')
    if (!draft.category) return setError('请选择诉求类别')
    await run(async () => {
      const appeal = await callApi('appeal.fileFor', {
        clientRequestId: draft.requestId,
        enterpriseId: draft.enterpriseId!,
        channel: draft.channel!,
        ...(draft.channel === 'hotline' ? { hotlineTicket: draft.hotlineTicket } : {}),
        category: draft.category!,
        title: draft.title,
        description: draft.description,
        contactName: draft.contactName,
        contactPhone: draft.contactPhone,
        anonymous: draft.anonymous,
      })
      clear()
      void Taro.redirectTo({ url: `/pages/appeal-done/index?id=${encodeURIComponent(appeal.id)}` })
    })
  }

  return (
    <View className={pageClass('file-for')}>
      <View className='bb-card'>
        <View className='bb-section-title'>企业</View>
        {enterprises.length > 0 ? (
          <Chips
            options={enterprises.map((e) => e.id)}
            value={draft.enterpriseId}
            onChange={(enterpriseId) => update({ enterpriseId })}
            label={(id) => enterprises.find((e) => e.id === id)?.name ?? id}
          />
        ) : (
          <View className='bb-muted'>您没有包联的企业；请由企业的驻企特派员代为登记。</View>
        )}
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>来源</View>
        <Chips options={STAFF_CHANNELS} value={draft.channel} onChange={(channel) => update({ channel })} label={(c) => SOURCE_LABELS[c]} />
        {draft.channel === 'hotline' && (
          <Input
            value={draft.hotlineTicket}
            onChange={(hotlineTicket) => update({ hotlineTicket })}
            maxLength={40}
            placeholder='12345 工单编号'
          />
        )}
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>诉求类别</View>
        <Chips options={APPEAL_CATEGORIES} value={draft.category} onChange={(category) => update({ category })} />
        <Input value={draft.title} onChange={(title) => update({ title })} maxLength={40} placeholder='一句话说明问题' />
        <TextArea
          value={draft.description}
          onChange={(description) => update({ description })}
          maxLength={1000}
          rows={5}
          placeholder='企业反映的情况，按来电、工单或当面所述记录'
        />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>联系人</View>
        <Input value={draft.contactName} onChange={(contactName) => update({ contactName })} maxLength={20} placeholder='联系人姓名' />
        <Input
          value={draft.contactPhone}
          onChange={(contactPhone) => update({ contactPhone })}
          type='tel'
          maxLength={13}
          placeholder='联系电话'
        />
        <Chips
          options={ANONYMITY}
          value={draft.anonymous ? 'anonymous' : 'named'}
          onChange={(a) => update({ anonymous: a === 'anonymous' })}
          label={(a) => (a === 'anonymous' ? '敏感诉求：对承办部门隐去企业名称' : '正常交办')}
        />
        {me && (
          <View className='bb-muted file-for__hint'>
            {me.promise.accept}，{me.promise.close}。登记后企业会收到消息，并由企业评价。
          </View>
        )}
      </View>
      {error && <View className='file-for__error'>{error}</View>}
      <Button type='primary' block loading={busy} onClick={submit}>
        登记并告知企业
      </Button>
    </View>
  )
}
