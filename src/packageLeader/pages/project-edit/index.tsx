import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PROJECT_STAGE_IDS, PROJECT_STAGES, type ProjectStage } from '../../../../cloud/domain/project/project'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { Field, FieldMessage } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { useRequestId } from '../../../hooks/use-request-id'
import { saveProjectInput } from '../../../../cloud/contract/project'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { pageClass } from '../../../hooks/use-care-mode'
import '../project/index.scss'

/**
 * 新建重点项目 (一项目一领导一秘书): a leader names themselves as its 包抓 leader, an admin picks one;
 * the secretary is an officer from the directory; the enterprise, found by name, may come later.
 */
export default function ProjectEditPage() {
  const { data: me } = useMe()
  const isAdmin = me?.user.role === 'admin'
  const { data: directory } = useAction('org.directory', {})
  const { data: staff } = useAction('staff.list', {}, '', { skip: !isAdmin })
  const [query, setQuery] = useState('')
  const { data: roster } = useAction('roster.list', { query: query.trim() || undefined, limit: 10 }, '', { skip: query.trim() === '' })
  const [name, setName] = useState('')
  const [investment, setInvestment] = useState('')
  const [stage, setStage] = useState<ProjectStage>('signed')
  const [enterpriseId, setEnterpriseId] = useState<string>()
  const [leaderId, setLeaderId] = useState<string>()
  const [secretaryId, setSecretaryId] = useState<string>()
  const [note, setNote] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const form = useFormErrors()
  /** Each setter takes its field's message away: the person is fixing it. */
  const editing =
    <T,>(set: (value: T) => void, field: string) =>
    (value: T) => {
      set(value)
      form.clear(field)
    }

  if (!me || !directory) return <PagePending />
  const leaders = (staff ?? []).filter((s) => s.role === 'leader' && s.status === 'active')
  const leader = isAdmin ? leaderId : me.user.id
  const enterprises = roster?.items ?? []

  const submit = async () => {
    const values = {
      clientRequestId: requestId,
      name,
      enterpriseId: enterpriseId ?? null,
      // Nothing typed is a missing amount, not zero.
      investment: investment.trim() === '' ? undefined : Number(investment),
      stage,
      leaderId: leader,
      secretaryId,
      note,
    }
    const project = await form.submit(saveProjectInput, values, (checked) => callApi('project.save', checked, { silent: true }))
    if (!project) return
    renewRequestId()
    void Taro.redirectTo({ url: `/packageLeader/pages/project/index?id=${encodeURIComponent(project.id)}` })
  }
  const { errors } = form
  const foot = footMessage(errors, ['name', 'investment', 'stage', 'enterpriseId', 'leaderId', 'secretaryId', 'note'])

  return (
    <View className={pageClass('project')}>
      <View className='bb-card'>
        <Field label='项目名称' error={errors.name}>
          <Input value={name} onChange={editing(setName, 'name')} maxLength={60} placeholder='如：年产 5000 万支西林瓶项目' />
        </Field>
        <Field label='投资额（亿元）' error={errors.investment}>
          <Input value={investment} onChange={editing(setInvestment, 'investment')} type='digit' placeholder='如 10.6' />
        </Field>
        <View className='bb-section-title'>当前阶段</View>
        <Chips options={PROJECT_STAGE_IDS} value={stage} onChange={setStage} label={(s) => PROJECT_STAGES[s]} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>企业（可稍后补充）</View>
        <Field label='查找企业'>
          <Input value={query} onChange={setQuery} maxLength={40} placeholder='企业名称或信用代码' />
        </Field>
        <Chips
          options={enterprises.map((e) => e.id)}
          value={enterpriseId}
          onChange={editing(setEnterpriseId, 'enterpriseId')}
          label={(id) => enterprises.find((e) => e.id === id)?.name ?? id}
        />
        <FieldMessage error={errors.enterpriseId} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>包抓领导</View>
        {isAdmin ? (
          <Chips
            options={leaders.map((l) => l.id)}
            value={leaderId}
            onChange={editing(setLeaderId, 'leaderId')}
            label={(id) => leaders.find((l) => l.id === id)?.name ?? id}
          />
        ) : (
          <Text>{me.user.name}</Text>
        )}
        {/* A person is chosen, never typed: a missing one is asked for as a choice. */}
        <FieldMessage error={errors.leaderId && (leader ? errors.leaderId : '请选择包抓领导')} />
        <View className='bb-section-title'>项目秘书</View>
        <Chips
          options={directory.officers.map((o) => o.id)}
          value={secretaryId}
          onChange={editing(setSecretaryId, 'secretaryId')}
          label={(id) => directory.officers.find((o) => o.id === id)?.name ?? id}
        />
        <FieldMessage error={errors.secretaryId && (secretaryId ? errors.secretaryId : '请选择项目秘书')} />
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>项目简介</View>
        <TextArea value={note} onChange={editing(setNote, 'note')} maxLength={500} rows={3} placeholder='建设内容、规模（可不填）' />
        <FieldMessage error={errors.note} />
      </View>
      {foot && (
        <View className='project__error' role='alert'>
          {foot}
        </View>
      )}
      <Button type='primary' block loading={form.busy} onClick={submit}>
        新建项目
      </Button>
    </View>
  )
}
