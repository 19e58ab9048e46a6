import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { APPEAL_CATEGORIES, type AppealCategory } from '../../../../cloud/domain/appeal/categories'
import { SOURCE_LABELS, STAFF_CHANNELS, type StaffChannel } from '../../../../cloud/domain/appeal/rules'
import { fileForInput } from '../../../../cloud/contract/appeal'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useAction } from '../../../hooks/use-action'
import { newRequestId, useDraft } from '../../../hooks/use-draft'
import { useMe } from '../../../hooks/use-me'
import { useFormErrors } from '../../../hooks/use-form-errors'
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
const PLACED = ['enterpriseId', 'channel', 'hotlineTicket', 'category', 'title', 'description', 'contactName', 'contactPhone']

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
  const form = useFormErrors()
  const enterprises = coverage?.mine ?? []
  /** A change to fields of the draft takes their messages away: the person is fixing them. */
  const change = (changes: Partial<Draft>) => {
    update(changes)
    form.clear(...Object.keys(changes))
  }

  const submit = async () => {
    const payload = {
      clientRequestId: draft.requestId,
      enterpriseId: draft.enterpriseId,
      channel: draft.channel,
      // A 12345 工单's number goes with it; left empty, the form asks for it.
      ...(draft.channel === 'hotline' && draft.hotlineTicket.trim() ? { hotlineTicket: draft.hotlineTicket } : {}),
      category: draft.category,
      title: draft.title,
      description: draft.description,
      contactName: draft.contactName,
      contactPhone: draft.contactPhone,
      anonymous: draft.anonymous,
    }
    // Checked as the API will check it: every problem shows under its field before anything is sent.
    const appeal = await form.submit(fileForInput, payload, (checked) => callApi('appeal.fileFor', checked, { silent: true }))
    if (!appeal) return
    clear()
    void Taro.redirectTo({ url: `/pages/appeal-done/index?id=${encodeURIComponent(appeal.id)}` })
  }
  const foot = footMessage(form.errors, PLACED)

  return (
    <View className={pageClass('file-for')}>
      <View className='bb-card'>
        <View className='bb-section-title'>企业</View>
        {enterprises.length > 0 ? (
          <Chips
            options={enterprises.map((e) => e.id)}
            value={draft.enterpriseId}
            onChange={(enterpriseId) => change({ enterpriseId })}
            label={(id) => enterprises.find((e) => e.id === id)?.name ?? id}
          />
        ) : (
          <View className='bb-muted'>您没有包联的企业；请由企业的驻企特派员代为登记。</View>
        )}
        <FieldMessage error={form.errors.enterpriseId} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>来源</View>
        <Chips options={STAFF_CHANNELS} value={draft.channel} onChange={(channel) => change({ channel })} label={(c) => SOURCE_LABELS[c]} />
        <FieldMessage error={form.errors.channel} />
        {draft.channel === 'hotline' && (
          <>
            <Input
              value={draft.hotlineTicket}
              onChange={(hotlineTicket) => change({ hotlineTicket })}
              maxLength={40}
              placeholder='12345 工单编号'
            />
            <FieldMessage error={form.errors.hotlineTicket} />
          </>
        )}
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>诉求类别</View>
        <Chips options={APPEAL_CATEGORIES} value={draft.category} onChange={(category) => change({ category })} />
        <FieldMessage error={form.errors.category} />
        <Input value={draft.title} onChange={(title) => change({ title })} maxLength={40} placeholder='一句话说明问题' />
        <FieldMessage error={form.errors.title} />
        <TextArea
          value={draft.description}
          onChange={(description) => change({ description })}
          maxLength={1000}
          rows={5}
          placeholder='企业反映的情况，按来电、工单或当面所述记录'
        />
        <FieldMessage error={form.errors.description} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>联系人</View>
        <Input value={draft.contactName} onChange={(contactName) => change({ contactName })} maxLength={20} placeholder='联系人姓名' />
        <FieldMessage error={form.errors.contactName} />
        <Input
          value={draft.contactPhone}
          onChange={(contactPhone) => change({ contactPhone })}
          type='tel'
          maxLength={13}
          placeholder='联系电话'
        />
        <FieldMessage error={form.errors.contactPhone} />
        <Chips
          options={ANONYMITY}
          value={draft.anonymous ? 'anonymous' : 'named'}
          onChange={(a) => change({ anonymous: a === 'anonymous' })}
          label={(a) => (a === 'anonymous' ? '敏感诉求：对承办部门隐去企业名称' : '正常交办')}
        />
        {me && (
          <View className='bb-muted file-for__hint'>
            {me.promise.accept}，{me.promise.close}。登记后企业会收到消息，并由企业评价。
          </View>
        )}
      </View>
      <FieldMessage error={foot} />
      <Button type='primary' block loading={form.busy} onClick={submit}>
        登记并告知企业
      </Button>
    </View>
  )
}
