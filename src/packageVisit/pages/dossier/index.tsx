import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { EnterpriseDossier, MilestoneView } from '../../../../cloud/contract'
import { callApi } from '../../../api/client'
import { ContactCard } from '../../../components/contact-card'
import { VisitCard } from '../../../components/visit-card'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { indicatorsUrl } from '../../../utils/workbench'
import { useRequestId } from '../../../hooks/use-request-id'
import { useSubmit } from '../../../hooks/use-submit'
import { formatMoment } from '../../../utils/time'
import '../visit-pages.scss'
import { PagePending } from '../../../components/page-state'
import { GoalsCard, TeamCard } from './five-ones'
import { pageClass } from '../../../hooks/use-care-mode'

const MILESTONE_TAGS: Record<MilestoneView['status'], { label: string; color: string }> = {
  done: { label: '已完成', color: 'var(--bb-success)' },
  open: { label: '推进中', color: 'var(--bb-primary)' },
  due_soon: { label: '临期', color: 'var(--bb-warning)' },
  overdue: { label: '已逾期', color: 'var(--bb-danger)' },
}

/** 一企一档: the enterprise's five ones (五个一), its plan (一企一策) and its history of appeals and visits. */
export default function EnterpriseFilePage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { data: me } = useMe()
  const { data: file, reload } = useAction('enterprise.dossier', id ? { enterpriseId: id } : {}, id)
  if (!file || !me) return <PagePending />
  const staff = me.user.role !== 'owner'
  const now = Date.now()

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        <View className='visit-pages__title'>{file.enterprise.name}</View>
        <View className='bb-muted'>
          {file.enterprise.industry} · {file.enterprise.kind} · {file.enterprise.park}
        </View>
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>五个一</View>
        <ContactCard label='包抓领导' person={file.leader} />
        <View className='visit-pages__row'>
          <View>包抓部门</View>
          <View>
            {file.department?.name ?? '—'}
            {file.departmentHead ? `（负责人 ${file.departmentHead.name}）` : ''}
          </View>
        </View>
        <View className='visit-pages__row'>
          <View>帮扶团队</View>
          <View>
            {file.team || '—'}
            {file.teamMembers.length ? ` · ${file.teamMembers.length} 人` : ''}
          </View>
        </View>
        <ContactCard label='驻企特派员' person={file.officer} />
        <View className='visit-pages__row'>
          <View>一企一策</View>
          <View>
            {file.plan.length ? `${file.plan.filter((m) => m.status === 'done').length}/${file.plan.length} 个节点已完成` : '尚未制定'}
          </View>
        </View>
        <View className='visit-pages__row' role='link' onClick={() => void Taro.navigateTo({ url: indicatorsUrl(file.enterprise.id) })}>
          <View>经营数据</View>
          <View className='bb-link'>近 12 个月走势 ›</View>
        </View>
      </View>
      <TeamCard file={file} onSaved={reload} />
      <Plan file={file} staff={staff} onDone={reload} />
      <GoalsCard file={file} staff={staff} onSaved={reload} />
      <View className='bb-section-title'>诉求（{file.appeals.length}）</View>
      <View className='bb-card'>
        {file.appeals.length === 0 && <View className='bb-muted'>没有诉求。</View>}
        {file.appeals.map((a) => (
          <View
            key={a.id}
            className='visit-pages__row'
            role='link'
            onClick={() => Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(a.id)}` })}
          >
            <View>{a.stateLabel}</View>
            <View>
              {a.title}
              <View className='bb-muted'>
                {formatMoment(a.submittedAt, now)}
                {a.source === 'visit' ? ' · 走访发现' : ''}
              </View>
            </View>
          </View>
        ))}
      </View>
      <View className='bb-section-title'>走访（{file.visits.length}）</View>
      {file.visits.map((v) => (
        <VisitCard key={v.id} visit={v} />
      ))}
      {file.visits.length === 0 && <View className='bb-card bb-muted'>还没有走访。</View>}
    </View>
  )
}

function Plan({ file, staff, onDone }: { file: EnterpriseDossier; staff: boolean; onDone: () => void }) {
  const [title, setTitle] = useState('')
  const [dueOn, setDueOn] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const submit = useSubmit()
  const error = submit.error
  const run = async (request: () => Promise<unknown>) => {
    if (!(await submit.run(request))) return
    setTitle('')
    setDueOn('')
    renewRequestId()
    onDone()
  }
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>一企一策</View>
      {file.plan.map((m) => (
        <View key={m.id} className='file__milestone-row'>
          <Tag plain round background={MILESTONE_TAGS[m.status].color}>
            {MILESTONE_TAGS[m.status].label}
          </Tag>
          <View className='file__milestone'>
            {m.title}
            <View className='bb-muted'>{m.status === 'done' ? m.note || '已完成' : `${m.dueOn} 前完成`}</View>
          </View>
          {staff && m.status !== 'done' && (
            <Button size='small' onClick={() => run(() => callApi('plan.completeMilestone', { id: m.id }))}>
              完成
            </Button>
          )}
        </View>
      ))}
      {file.canManage && (
        <>
          <View className='bb-section-title visit-pages__label'>新增节点</View>
          <Input value={title} onChange={setTitle} maxLength={60} placeholder='节点内容，如“二期厂房竣工验收”' />
          <Input value={dueOn} onChange={setDueOn} maxLength={10} placeholder='完成期限，如 2026-12-31' />
          <Button
            size='small'
            type='primary'
            onClick={() =>
              run(() => callApi('plan.saveMilestone', { clientRequestId: requestId, enterpriseId: file.enterprise.id, title, dueOn }))
            }
          >
            添加
          </Button>
        </>
      )}
      {error && <View className='visit-pages__error visit-pages__hint'>{error}</View>}
    </View>
  )
}
