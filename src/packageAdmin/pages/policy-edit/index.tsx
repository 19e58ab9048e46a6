import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ActionInput, PolicySource } from '../../../../cloud/contract'
import { publishablePolicy, savePolicyInput } from '../../../../cloud/contract/policy'
import { POLICY_CATEGORIES, REQUIRED_SECTIONS, type PolicyCategory } from '../../../../cloud/domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS, INDUSTRY_CHOICES } from '../../../../cloud/domain/policy-match'
import { callApi } from '../../../api/client'
import { Chips, MultiChips } from '../../../components/chips'
import { Field, FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { newRequestId, useDraft } from '../../../hooks/use-draft'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { beijing } from '../../../utils/time'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

type SaveInput = ActionInput<'policy.save'>
/** The form as typed: lists always present, tags as one line of words, dates empty until chosen. */
type Form = Omit<SaveInput, 'clientRequestId' | 'category' | 'tags' | 'industries' | 'kinds' | 'enterpriseTags' | 'effectiveFrom'> & {
  category?: PolicyCategory
  effectiveFrom: string
  industries: string[]
  kinds: NonNullable<SaveInput['kinds']>
  enterpriseTags: NonNullable<SaveInput['enterpriseTags']>
  tags: string
}

/** What the device keeps of the editor, so that a half-written policy survives closing the app. */
interface Draft {
  form: Form
  status: PolicySource['status']
  /** The request id of the first save of a new policy: a retry makes the same draft. */
  requestId: string
  /** Edited since it was last saved: on return the device's copy wins over the server's. */
  dirty: boolean
}

const BODY_MAX = 20_000
/** A new explainer starts from the fixed sections every explainer has. */
const TEMPLATE = [...REQUIRED_SECTIONS, '常见问题', '咨询电话 / 责任部门', '原文链接'].map((heading) => `## ${heading}\n\n`).join('\n')
/** The fields with a place for their message on the page; any other lands at its foot. */
const PLACED = [
  'title',
  'issuer',
  'docNo',
  'effectiveFrom',
  'expiresAt',
  'category',
  'industries',
  'kinds',
  'enterpriseTags',
  'tags',
  'summary',
  'body',
]

const fromSource = (p: PolicySource): Form => ({
  id: p.id,
  title: p.title,
  issuer: p.issuer,
  docNo: p.docNo ?? '',
  category: (p.category || undefined) as PolicyCategory | undefined,
  effectiveFrom: p.effectiveFrom,
  expiresAt: p.expiresAt ?? undefined,
  summary: p.summary,
  industries: p.industries,
  kinds: p.kinds as Form['kinds'],
  enterpriseTags: p.enterpriseTags as Form['enterpriseTags'],
  tags: p.tags.join('，'),
  body: p.body,
})

const draftKey = (id: string | undefined) => `bangban.policy-draft:${id ?? 'new'}`

/**
 * 编辑政策 (admins): the same fields as a Markdown file under seeds/policies/. A draft is saved
 * half-written if need be (a title is enough); publishing asks for every field, then for a
 * confirmation, and tells every owner it fits, once; a published policy can be withdrawn. What is
 * typed is kept on the device until it is saved.
 */
export default function PolicyEditPage() {
  const { params } = useRouter()
  const [key, setKey] = useState(() => draftKey(params.id))
  const { draft, update, clear, replace } = useDraft<Draft>(key, () => ({
    form: {
      title: '',
      issuer: '',
      docNo: '',
      effectiveFrom: beijing().format('YYYY-MM-DD'),
      summary: '一句话看懂：',
      industries: [],
      kinds: [],
      enterpriseTags: [],
      tags: '',
      body: TEMPLATE,
    },
    status: 'draft',
    requestId: newRequestId(),
    dirty: false,
  }))
  const { form, status } = draft
  // Read once: whether this visit began from changes the device kept.
  const [restored] = useState(() => draft.dirty)
  const checks = useFormErrors()
  const edit = (changes: Partial<Form>) => {
    replace((current) => ({ ...current, form: { ...current.form, ...changes }, dirty: true }))
    checks.clear(...Object.keys(changes))
  }

  useEffect(() => {
    if (!params.id) return
    void callApi('policy.source', { id: params.id }).then((source) =>
      // Unsaved changes on the device are kept; the status is always the server's.
      replace((current) =>
        current.dirty ? { ...current, status: source.status } : { ...current, form: fromSource(source), status: source.status },
      ),
    )
  }, [params.id, replace])

  const payload = () => ({
    clientRequestId: draft.requestId,
    id: form.id,
    title: form.title,
    issuer: form.issuer,
    docNo: form.docNo || undefined,
    category: form.category,
    // A date not chosen yet is missing, not an empty text.
    effectiveFrom: form.effectiveFrom || undefined,
    expiresAt: form.expiresAt || undefined,
    summary: form.summary,
    industries: form.industries,
    kinds: form.kinds,
    enterpriseTags: form.enterpriseTags,
    tags: form.tags.split(/[,，、\s]+/).filter(Boolean),
    body: form.body,
  })

  /** Saves the form; a new policy's first save moves the device's copy under its id. */
  const save = async (values: SaveInput) => {
    const saved = await callApi('policy.save', values, { silent: true })
    if (!form.id) {
      clear()
      setKey(draftKey(saved.id))
    }
    replace((current) => ({ ...current, form: fromSource(saved), status: saved.status, dirty: false }))
    return saved
  }

  const saveDraft = async () => {
    const values = payload()
    // Published, it must stay whole; a draft needs only its title.
    const schema = status === 'published' ? publishablePolicy : savePolicyInput
    if (await checks.submit(schema, values, () => save(values))) void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  const publish = async () => {
    const values = payload()
    await checks.submit(publishablePolicy, values, async () => {
      const { confirm } = await Taro.showModal({
        title: '发布这条政策？',
        content: '发布后，适用的企业会收到消息通知（每家只通知一次）。',
        confirmText: '确认发布',
      })
      if (!confirm) return
      const saved = await save(values)
      const { notified } = await callApi('policy.publish', { id: saved.id }, { silent: true })
      update({ status: 'published' })
      void Taro.showModal({ title: '已发布', content: `已通知 ${notified} 家适用企业。`, showCancel: false })
    })
  }

  const withdraw = async () => {
    const id = form.id
    if (!id) return
    await checks.run(async () => {
      const { confirm } = await Taro.showModal({
        title: '撤回这条政策？',
        content: '撤回后企业将看不到这条政策，已发出的通知不会收回。',
        confirmText: '确认撤回',
        confirmColor: '#d4380d',
      })
      if (!confirm) return
      const withdrawn = await callApi('policy.withdraw', { id }, { silent: true })
      update({ status: withdrawn.status })
      void Taro.showToast({ title: '已撤回', icon: 'success' })
    })
  }

  const { errors } = checks
  const foot = footMessage(errors, PLACED)
  return (
    <View className={pageClass('policy-edit')}>
      {restored && <View className='bb-muted policy-edit__restored'>已恢复上次在本机未保存的修改</View>}
      <View className='bb-card'>
        <View className='bb-section-title'>基本信息</View>
        <Field label='标题' error={errors.title}>
          <Input value={form.title} onChange={(title) => edit({ title })} maxLength={60} placeholder='政策标题' />
        </Field>
        <Field label='发文单位' error={errors.issuer}>
          <Input value={form.issuer} onChange={(issuer) => edit({ issuer })} maxLength={60} placeholder='发文单位' />
        </Field>
        <Field label='文号' error={errors.docNo}>
          <Input value={form.docNo ?? ''} onChange={(docNo) => edit({ docNo })} maxLength={60} placeholder='文号（可不填）' />
        </Field>
        <Field label='施行日期' error={errors.effectiveFrom}>
          <Picker mode='date' value={form.effectiveFrom} onChange={(e) => edit({ effectiveFrom: String(e.detail.value) })}>
            <View className={`policy-edit__date${form.effectiveFrom ? '' : ' policy-edit__date--empty'}`} aria-label='施行日期'>
              {form.effectiveFrom || '选择日期'}
            </View>
          </Picker>
        </Field>
        <Field label='截止日期' error={errors.expiresAt}>
          <View className='policy-edit__dates'>
            <Picker
              mode='date'
              value={form.expiresAt || form.effectiveFrom}
              start={form.effectiveFrom || undefined}
              onChange={(e) => edit({ expiresAt: String(e.detail.value) })}
            >
              <View className={`policy-edit__date${form.expiresAt ? '' : ' policy-edit__date--empty'}`} aria-label='截止日期'>
                {form.expiresAt || '长期有效'}
              </View>
            </Picker>
            {form.expiresAt && (
              <Text className='policy-edit__clear' onClick={() => edit({ expiresAt: undefined })}>
                改为长期有效
              </Text>
            )}
          </View>
        </Field>
        <View className='policy-edit__label'>政策类别</View>
        <Chips options={POLICY_CATEGORIES} value={form.category} onChange={(category) => edit({ category })} />
        <FieldMessage error={errors.category} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>适用对象（都不选即面向各类企业）</View>
        <View className='policy-edit__label'>行业</View>
        <MultiChips options={INDUSTRY_CHOICES} value={form.industries} onChange={(industries) => edit({ industries })} />
        <FieldMessage error={errors.industries} />
        <View className='policy-edit__label'>企业类型</View>
        <MultiChips options={ENTERPRISE_KINDS} value={form.kinds} onChange={(kinds) => edit({ kinds })} />
        <FieldMessage error={errors.kinds} />
        <View className='policy-edit__label'>资质要求（具备其一）</View>
        <MultiChips options={ENTERPRISE_TAGS} value={form.enterpriseTags} onChange={(enterpriseTags) => edit({ enterpriseTags })} />
        <FieldMessage error={errors.enterpriseTags} />
        <Input value={form.tags} onChange={(tags) => edit({ tags })} placeholder='标签，用逗号分开，如：缓税，制造业' />
        <FieldMessage error={errors.tags} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>解读</View>
        <Input value={form.summary} onChange={(summary) => edit({ summary })} maxLength={80} placeholder='一句话看懂：' />
        <FieldMessage error={errors.summary} />
        <TextArea
          className='policy-edit__body'
          value={form.body}
          onChange={(body) => edit({ body })}
          rows={20}
          maxLength={BODY_MAX}
          showCount
          placeholder='正文，按“## 谁能享受”等小节写'
        />
        <FieldMessage error={errors.body} />
      </View>
      {foot && (
        <View className='policy-edit__error' role='alert'>
          {foot}
        </View>
      )}
      <View className='policy-edit__buttons'>
        <Button block loading={checks.busy} onClick={() => void saveDraft()}>
          {status === 'published' ? '保存修改' : '保存草稿'}
        </Button>
        {status !== 'published' && (
          <Button type='primary' block loading={checks.busy} onClick={() => void publish()}>
            发布
          </Button>
        )}
        {status === 'published' && form.id && (
          <Button type='danger' fill='outline' block loading={checks.busy} onClick={() => void withdraw()}>
            撤回
          </Button>
        )}
      </View>
    </View>
  )
}
