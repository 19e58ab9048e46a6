import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PROJECT_STAGE_IDS, PROJECT_STAGES } from '../../../../cloud/domain/project/project'
import { callApi } from '../../../api/client'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing } from '../../../utils/time'
import { pageClass } from '../../../hooks/use-care-mode'
import { MilestoneForm, ProblemForm, ProgressForm } from './project-forms'
import './index.scss'

/**
 * A key project: its stage (moved on by its leader or an admin), its milestones (done by its
 * secretary, its leader or an admin), the month's 形象进度, and 反映问题, which files an appeal of
 * its enterprise linked to the project.
 */
export default function ProjectPage() {
  const id = useRouter().params.id ?? ''
  const today = beijing().format('YYYY-MM-DD')
  const month = beijing().format('YYYY-MM')
  const { data: project, reload } = useAction('project.get', { id })
  const { busy, error, run } = useSubmit()

  if (!project) return <PagePending />
  const next = PROJECT_STAGE_IDS[PROJECT_STAGE_IDS.indexOf(project.stage) + 1]

  const act = async (work: () => Promise<unknown>, done: string) => {
    if (await run(work)) {
      void Taro.showToast({ title: done, icon: 'none' })
      await reload()
    }
  }
  const advance = () =>
    act(() => callApi('project.advanceStage', { id: project.id, version: project.version, stage: next!, reason: '' }), '阶段已推进')
  const complete = (milestoneId: string) =>
    act(() => callApi('project.completeMilestone', { id: milestoneId, doneOn: today }), '节点已完成')

  return (
    <View className={pageClass('project')}>
      <View className='bb-card'>
        <View className='project__head'>
          <Text className='project__name'>{project.name}</Text>
          <Tag type={project.behind ? 'danger' : 'primary'}>{project.behind ? '滞后' : project.stageLabel}</Tag>
        </View>
        <View className='bb-muted'>
          {project.enterpriseName ?? '未关联企业'} · 投资 {project.investment} 亿元
        </View>
        <View className='bb-muted'>
          包抓领导 {project.leaderName} · 项目秘书 {project.secretaryName}
        </View>
        {project.note && <View className='project__note'>{project.note}</View>}
        <View className='project__stages'>
          {PROJECT_STAGE_IDS.map((stage) => (
            <Text key={stage} className={`project__stage ${stage === project.stage ? 'project__stage--current' : ''}`}>
              {PROJECT_STAGES[stage]}
            </Text>
          ))}
        </View>
        {project.may.edit && next && (
          <Button size='small' type='primary' loading={busy} onClick={advance}>
            推进到「{PROJECT_STAGES[next]}」
          </Button>
        )}
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>节点</View>
        {project.milestones.map((m) => (
          <View key={m.id} className='project__row'>
            <View>
              <Text>{m.title}</Text>
              <View className='bb-muted'>
                计划 {m.plannedOn}
                {m.doneOn ? ` · 完成 ${m.doneOn}` : ''}
              </View>
            </View>
            {m.behind && <Tag type='danger'>滞后</Tag>}
            {!m.doneOn && project.may.report && (
              <Button size='small' loading={busy} onClick={() => complete(m.id)}>
                完成
              </Button>
            )}
          </View>
        ))}
        {project.milestones.length === 0 && <View className='bb-muted'>还没有节点。</View>}
        {project.may.edit && <MilestoneForm projectId={project.id} onDone={reload} today={today} />}
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>形象进度</View>
        {project.progress.map((p) => (
          <View key={p.id} className='project__row'>
            <View>
              <Text>{p.month}</Text>
              <View className='bb-muted'>
                {p.note}（{p.recorderName}）
              </View>
            </View>
          </View>
        ))}
        {project.progress.length === 0 && <View className='bb-muted'>还没有填报形象进度。</View>}
        {project.may.report && <ProgressForm projectId={project.id} onDone={reload} month={month} />}
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>反映的问题</View>
        {project.appeals.map((a) => (
          <View
            key={a.id}
            className='project__row'
            role='link'
            onClick={() => Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(a.id)}` })}
          >
            <Text>{a.title}</Text>
            <Tag>{a.stateLabel}</Tag>
          </View>
        ))}
        {project.appeals.length === 0 && <View className='bb-muted'>没有反映过问题。</View>}
        {project.may.report && project.enterpriseId && <ProblemForm projectId={project.id} onDone={reload} />}
      </View>
      {error && <View className='project__error'>{error}</View>}
    </View>
  )
}
