import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ActionInput, PolicySource } from '../../../../cloud/contract'
import { POLICY_CATEGORIES, REQUIRED_SECTIONS, type PolicyCategory } from '../../../../cloud/domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS, INDUSTRY_CHOICES } from '../../../../cloud/domain/policy-match'
import { ApiError, callApi } from '../../../api/client'
import { Chips, MultiChips } from '../../../components/chips'
import { useRequestId } from '../../../hooks/use-request-id'
import { beijing } from '../../../utils/time'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

type SaveInput = ActionInput<'policy.save'>
/** The form as typed: lists always present, tags as one line of words. */
type Form = Omit<SaveInput, 'clientRequestId' | 'category' | 'tags' | 'industries' | 'kinds' | 'enterpriseTags'> & {
  category?: PolicyCategory
  industries: string[]
  kinds: NonNullable<SaveInput['kinds']>
  enterpriseTags: NonNullable<SaveInput['enterpriseTags']>
  tags: string
}

/** A new explainer starts from the fixed sections every explainer has. */
const TEMPLATE = [...REQUIRED_SECTIONS, '常见问题', '咨询电话 / 责任部门', '原文链接'].map((heading) => `## ${heading}\n\n`).join('\n')

const fromSource = (p: PolicySource): Form => ({
  id: p.id,
  title: p.title,
  issuer: p.issuer,
  docNo: p.docNo ?? '',
  category: p.category as PolicyCategory,
  effectiveFrom: p.effectiveFrom,
  expiresAt: p.expiresAt ?? undefined,
  summary: p.summary,
  industries: p.industries,
  kinds: p.kinds as Form['kinds'],
  enterpriseTags: p.enterpriseTags as Form['enterpriseTags'],
  tags: p.tags.join('，'),
  body: p.body,
})

/**
 * 编辑政策 (admins): the same fields as a Markdown file under seeds/policies/. Saving keeps a draft a
 * draft; publishing tells every owner it fits, once; a published policy can be withdrawn.
 */
export default function PolicyEditPage() {
  const { params } = useRouter()
  const [status, setStatus] = useState<PolicySource['status']>('draft')
  const [form, setForm] = useState<Form>({
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
  })
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  // The first save makes the draft; once it has an id, later saves change it.
  const [requestId] = useRequestId()
  const edit = (changes: Partial<Form>) => setForm((current) => ({ ...current, ...changes }))

  useEffect(() => {
    if (!params.id) return
    void callApi('policy.source', { id: params.id }).then((source) => {
      setForm(fromSource(source))
      setStatus(source.status)
    })
  }, [params.id])

  /** Runs a step; `done` is the toast after it, when nothing else says it went through. */
  const run = async (step: () => Promise<unknown>, done?: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await step()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
    } finally {
      setBusy(false)
    }
  }
  const save = async () => {
    if (!form.category) throw new ApiError({ code: 'BAD_REQUEST', message: '请选择政策类别', field: 'category' })
    const saved = await callApi('policy.save', {
      ...form,
      clientRequestId: requestId,
      category: form.category,
      docNo: form.docNo || undefined,
      expiresAt: form.expiresAt || undefined,
      tags: form.tags.split(/[,，、\s]+/).filter(Boolean),
    })
    setForm(fromSource(saved))
    setStatus(saved.status)
    return saved
  }

  return (
    <View className={pageClass('policy-edit')}>
      <View className='bb-card'>
        <View className='bb-section-title'>基本信息</View>
        <Input value={form.title} onChange={(title) => edit({ title })} maxLength={60} placeholder='政策标题' />
        <Input value={form.issuer} onChange={(issuer) => edit({ issuer })} maxLength={60} placeholder='发文单位' />
        <Input value={form.docNo ?? ''} onChange={(docNo) => edit({ docNo })} maxLength={60} placeholder='文号（可不填）' />
        <Input
          value={form.effectiveFrom}
          onChange={(effectiveFrom) => edit({ effectiveFrom })}
          maxLength={10}
          placeholder='施行日期 YYYY-MM-DD'
        />
        <Input
          value={form.expiresAt ?? ''}
          onChange={(expiresAt) => edit({ expiresAt })}
          maxLength={10}
          placeholder='截止日期 YYYY-MM-DD（长期有效不填）'
        />
        <View className='policy-edit__label'>政策类别</View>
        <Chips options={POLICY_CATEGORIES} value={form.category} onChange={(category) => edit({ category })} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>适用对象（都不选即面向各类企业）</View>
        <View className='policy-edit__label'>行业</View>
        <MultiChips options={INDUSTRY_CHOICES} value={form.industries} onChange={(industries) => edit({ industries })} />
        <View className='policy-edit__label'>企业类型</View>
        <MultiChips options={ENTERPRISE_KINDS} value={form.kinds} onChange={(kinds) => edit({ kinds })} />
        <View className='policy-edit__label'>资质要求（具备其一）</View>
        <MultiChips options={ENTERPRISE_TAGS} value={form.enterpriseTags} onChange={(enterpriseTags) => edit({ enterpriseTags })} />
        <Input value={form.tags} onChange={(tags) => edit({ tags })} placeholder='标签，用逗号分开，如：缓税，制造业' />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>解读</View>
        <Input value={form.summary} onChange={(summary) => edit({ summary })} maxLength={80} placeholder='一句话看懂：' />
        <TextArea
          value={form.body}
          onChange={(body) => edit({ body })}
          rows={16}
          maxLength={20000}
          placeholder='正文，按“## 谁能享受”等小节写'
        />
      </View>
      {error && <View className='policy-edit__error'>{error}</View>}
      <View className='policy-edit__buttons'>
        <Button block loading={busy} onClick={() => void run(save, '已保存')}>
          {status === 'published' ? '保存修改' : '保存草稿'}
        </Button>
        {status !== 'published' && (
          <Button
            type='primary'
            block
            loading={busy}
            onClick={() =>
              void run(async () => {
                const saved = await save()
                const { notified } = await callApi('policy.publish', { id: saved.id })
                setStatus('published')
                setError(undefined)
                void Taro.showModal({ title: '已发布', content: `已通知 ${notified} 家适用企业。`, showCancel: false })
              })
            }
          >
            发布
          </Button>
        )}
        {status === 'published' && form.id && (
          <Button
            type='danger'
            fill='outline'
            block
            loading={busy}
            onClick={() => void run(() => callApi('policy.withdraw', { id: form.id! }).then((p) => setStatus(p.status)), '已撤回')}
          >
            撤回
          </Button>
        )}
      </View>
    </View>
  )
}
