import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { createAppealInput } from '../../../cloud/contract/appeal'
import { APPEAL_CATEGORIES, type AppealCategory } from '../../../cloud/domain/appeal/categories'
import type { UploadView } from '../../../cloud/contract'
import { ATTACHMENT_LIMITS } from '../../../cloud/domain/attachments'
import { callApi } from '../../api/client'
import { ensurePrivacyAgreed } from '../../api/privacy'
import { askToSubscribe } from '../../api/subscribe'
import { uploadAttachment, type PickedFile } from '../../api/upload'
import { AttachmentGrid } from '../../components/attachment-grid'
import { PolicyCard } from '../../components/policy-card'
import { usePolicySuggestions } from '../../hooks/use-policy-suggestions'
import { Chips } from '../../components/chips'
import { FieldMessage } from '../../components/field'
import { footMessage } from '../../forms/validate'
import { useFormErrors } from '../../hooks/use-form-errors'
import { newRequestId, useDraft } from '../../hooks/use-draft'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

interface Draft {
  requestId: string
  /** Uploaded already; the appeal takes their ids when it is sent. */
  attachments: UploadView[]
  category: AppealCategory | undefined
  title: string
  description: string
  urgency: 'normal' | 'urgent'
  contactName: string
  contactPhone: string
  /** 作风投诉: about staff (吃拿卡要、推诿扯皮), to the 督查 office, never to the person named. */
  conduct: boolean
  /** 敏感诉求: the handling department does not see the enterprise's name. */
  anonymous: boolean
}

const URGENCY_LABELS = { normal: '一般', urgent: '紧急' } as const
const KINDS = ['appeal', 'conduct'] as const
const KIND_LABELS = { appeal: '企业诉求', conduct: '投诉工作人员作风' } as const
const ANONYMITY = ['named', 'anonymous'] as const
/** The fields with a place for their message on the form; any other lands at its foot. */
const PLACED = ['category', 'title', 'description', 'attachmentIds', 'contactName', 'contactPhone']

/** 提交诉求: what the problem is, how urgent, and whom to call back. The draft is kept until it is sent. */
export default function NewAppealPage() {
  const { data: me } = useMe()
  // Asked from a policy (我要咨询), the 帮办代办 catalogue (请帮我办) or an exhibition (现场诉求): the appeal is about it, and
  // its draft is its own, so a general draft in progress is not overwritten.
  const { params } = useRouter()
  // Query values arrive as they were encoded in the URL, on WeChat as in the browser.
  const named = decodeURIComponent(params.title ?? '')
  const about = params.policyId
    ? { policyId: params.policyId, label: `关于政策：${named}`, category: '政策兑现' as const, title: `咨询：${named}` }
    : params.serviceItemId
      ? { serviceItemId: params.serviceItemId, label: `帮办事项：${named}`, category: '审批手续' as const, title: `请帮我办：${named}` }
      : params.exhibitionId
        ? { exhibitionId: params.exhibitionId, label: `现场诉求：${named}`, category: undefined, title: '' }
        : undefined
  const draftKey = about ? `bangban.appeal-draft:${params.policyId ?? params.serviceItemId ?? params.exhibitionId}` : 'bangban.appeal-draft'
  const { draft, update, clear, replace } = useDraft<Draft>(draftKey, () => ({
    requestId: newRequestId(),
    attachments: [],
    category: about?.category,
    title: about?.title.slice(0, 40) ?? '',
    description: '',
    urgency: 'normal',
    // Filled now when the person is already known: a value set just after the page appears would
    // reach the browser build's text box before it is ready for one.
    contactName: me?.user.name ?? '',
    contactPhone: me?.user.phone ?? '',
    conduct: false,
    anonymous: false,
  }))
  // A 请帮我办 item that publishes its limit in working days is promised by it, not the general rule.
  const { data: item } = useAction('service.get', { id: params.serviceItemId ?? '' }, params.serviceItemId ?? '', {
    skip: !params.serviceItemId,
  })
  const form = useFormErrors()
  /** A change to fields of the draft takes their messages away: the person is fixing them. */
  const change = (changes: Partial<Draft>) => {
    update(changes)
    form.clear(...Object.keys(changes))
  }
  const [uploading, setUploading] = useState(false)
  const suggestions = usePolicySuggestions(`${draft.title}\n${draft.description}`, draft.category)
  const room = ATTACHMENT_LIMITS.maxCount - draft.attachments.length

  /** Uploads what was picked, one by one, keeping each in the draft as soon as it is up. */
  const attach = async (picked: PickedFile[]) => {
    if (!me) return
    setUploading(true)
    try {
      for (const file of picked.slice(0, room)) {
        const uploaded = await uploadAttachment(file, me.user.id).catch(() => null)
        if (uploaded) replace((current) => ({ ...current, attachments: [...current.attachments, uploaded] }))
      }
    } finally {
      setUploading(false)
    }
  }
  const pickPhotos = async () => {
    if (!(await ensurePrivacyAgreed())) return
    const weapp = process.env.TARO_ENV === 'weapp'
    const chosen = await Taro.chooseMedia({
      count: room,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: weapp ? ['album', 'camera'] : ['album'],
    }).catch(() => null)
    if (!chosen) return
    await attach(
      chosen.tempFiles.map((file, i) => {
        // The browser hands over the File itself, with its name and type.
        const original = (file as { originalFileObj?: File }).originalFileObj
        const extension = file.tempFilePath.split('.').pop()
        return {
          path: file.tempFilePath,
          size: file.size,
          name: original?.name ?? `照片${draft.attachments.length + i + 1}.${extension}`,
          mimeType: original?.type,
          file: original,
        }
      }),
    )
  }
  const pickDocuments = async () => {
    if (!(await ensurePrivacyAgreed())) return
    const chosen = await Taro.chooseMessageFile({ count: room, type: 'file', extension: ['pdf', 'docx', 'xlsx'] }).catch(() => null)
    if (chosen) await attach(chosen.tempFiles.map((file) => ({ path: file.path, size: file.size, name: file.name })))
  }

  // The contact is the signed-in person unless they changed it: filled when the person loads, not again
  // when the contact is emptied by hand.
  useEffect(() => {
    if (!me) return
    replace((current) =>
      current.contactName || current.contactPhone ? current : { ...current, contactName: me.user.name, contactPhone: me.user.phone },
    )
  }, [me, replace])

  const submit = async () => {
    // From the tap, before anything is awaited: WeChat shows the dialog only then.
    askToSubscribe(['appeal_update'])
    const payload = {
      clientRequestId: draft.requestId,
      // A complaint about staff is not routed by category: it goes to the 督查 office.
      category: draft.conduct ? '其他' : draft.category,
      conduct: draft.conduct,
      anonymous: !draft.conduct && draft.anonymous,
      title: draft.title,
      description: draft.description,
      urgency: draft.urgency,
      contactName: draft.contactName,
      contactPhone: draft.contactPhone,
      attachmentIds: draft.attachments.map((a) => a.id),
      ...(about?.policyId ? { policyId: about.policyId } : {}),
      ...(about?.serviceItemId ? { serviceItemId: about.serviceItemId } : {}),
      ...(about?.exhibitionId ? { exhibitionId: about.exhibitionId } : {}),
    }
    // Checked as the API will check it: every problem shows under its field before anything is sent.
    const appeal = await form.submit(createAppealInput, payload, (checked) => callApi('appeal.create', checked, { silent: true }))
    if (!appeal) return
    clear()
    void Taro.redirectTo({ url: `/pages/appeal-done/index?id=${encodeURIComponent(appeal.id)}` })
  }
  const foot = footMessage(form.errors, PLACED)

  return (
    <View className={pageClass('appeal-new')}>
      {about && <View className='appeal-new__about'>{about.label}</View>}
      {!about && (
        <View className='bb-card'>
          <Chips
            options={KINDS}
            value={draft.conduct ? 'conduct' : 'appeal'}
            onChange={(k) => {
              update({ conduct: k === 'conduct' })
              form.clear('category')
            }}
            label={(k) => KIND_LABELS[k]}
          />
          {draft.conduct && (
            <View className='bb-muted appeal-new__hint'>
              吃拿卡要、推诿扯皮等作风问题，直接交督查办（纪检）办理，
              {me?.enterprise?.officer ? `被投诉人（默认为您的驻企特派员${me.enterprise.officer.name}）` : '被投诉人'}看不到这条投诉。
            </View>
          )}
        </View>
      )}
      {!draft.conduct && (
        <View className='bb-card'>
          <View className='bb-section-title'>诉求类别</View>
          <Chips options={APPEAL_CATEGORIES} value={draft.category} onChange={(category) => change({ category })} />
          <FieldMessage error={form.errors.category} />
        </View>
      )}
      <View className='bb-card'>
        <View className='bb-section-title'>标题</View>
        <Input
          value={draft.title}
          onChange={(title) => change({ title })}
          maxLength={40}
          placeholder='一句话说明问题，如“新厂房用电增容”'
        />
        <FieldMessage error={form.errors.title} />
        <View className='bb-section-title appeal-new__label'>具体情况</View>
        <TextArea
          value={draft.description}
          onChange={(description) => change({ description })}
          maxLength={1000}
          showCount
          rows={5}
          placeholder='遇到了什么困难、已经做过哪些尝试、希望得到什么帮助'
        />
        <FieldMessage error={form.errors.description} />
      </View>
      {suggestions.length > 0 && (
        <View className='appeal-new__suggestions'>
          <View className='bb-section-title'>这些政策或许已能解答您的问题</View>
          {suggestions.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} />
          ))}
          <View className='bb-muted appeal-new__hint'>看过仍需帮助，继续填写提交即可，已填内容会保留。</View>
        </View>
      )}
      <View className='bb-card'>
        <View className='bb-section-title'>
          照片或文件 <Text className='bb-muted'>（可不传，最多 {ATTACHMENT_LIMITS.maxCount} 个）</Text>
        </View>
        <AttachmentGrid items={draft.attachments} onRemove={(id) => update({ attachments: draft.attachments.filter((a) => a.id !== id) })}>
          {room > 0 && (
            <View className='attachment-grid__add' role='button' aria-label='添加照片' onClick={uploading ? undefined : pickPhotos}>
              <Text className='attachment-grid__plus'>+</Text>
              <Text>{uploading ? '上传中…' : '添加照片'}</Text>
            </View>
          )}
          {room > 0 && process.env.TARO_ENV === 'weapp' && (
            <View className='attachment-grid__add' role='button' aria-label='从聊天选文件' onClick={uploading ? undefined : pickDocuments}>
              <Text className='attachment-grid__plus'>+</Text>
              <Text>聊天中的文件</Text>
            </View>
          )}
        </AttachmentGrid>
        <FieldMessage error={form.errors.attachmentIds} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>紧急程度</View>
        <Chips
          options={['normal', 'urgent'] as const}
          value={draft.urgency}
          onChange={(urgency) => update({ urgency })}
          label={(u) => URGENCY_LABELS[u]}
        />
        <View className='bb-muted appeal-new__hint'>
          {me &&
            (draft.urgency === 'urgent'
              ? `${me.promise.urgent}。`
              : item?.workingDays
                ? `${me.promise.accept}，本事项 ${item.workingDays} 个工作日内办结（窗口公布的承诺时限）。`
                : `${me.promise.accept}，${me.promise.close}。`)}
        </View>
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
        {!draft.conduct && (
          <>
            <Chips
              options={ANONYMITY}
              value={draft.anonymous ? 'anonymous' : 'named'}
              onChange={(a) => update({ anonymous: a === 'anonymous' })}
              label={(a) => (a === 'anonymous' ? '对承办部门隐去企业名称' : '正常交办')}
            />
            {draft.anonymous && (
              <View className='bb-muted appeal-new__hint'>
                敏感诉求：承办部门看不到企业名称和联系人，由督查办掌握，办理进展照常告知您。
              </View>
            )}
          </>
        )}
      </View>
      {foot && (
        <View className='appeal-new__error' role='alert'>
          {foot}
        </View>
      )}
      <Button type='primary' block loading={form.busy} onClick={submit}>
        提交
      </Button>
    </View>
  )
}
