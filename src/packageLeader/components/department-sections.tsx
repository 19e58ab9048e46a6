import { Button, Collapse, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Bulletin, BulletinRow, DepartmentSections } from '../../../cloud/contract'
import { PRESS_STATES } from '../../../cloud/domain/department-sections'
import { percent } from '../../../cloud/domain/metrics'
import { ApiError, callApi } from '../../api/client'
import { drill } from './drill'

const open = (url: string) => () => void Taro.navigateTo({ url })
const signed = (rate: number | null) => (rate === null ? '—' : `${rate >= 0 ? '+' : ''}${(Math.round(rate * 1000) / 10).toFixed(1)}%`)

/** One figure: its value over its label; a figure with something behind it opens it. */
function Figure({ value, label, onOpen, bad }: { value: string | number; label: string; onOpen?: () => void; bad?: boolean }) {
  return (
    <View
      className={`bulletin-dept__figure ${onOpen ? 'bulletin-dept__figure--link' : ''} ${bad ? 'bulletin-dept__figure--bad' : ''}`}
      onClick={onOpen}
      role={onOpen ? 'link' : undefined}
      aria-label={label}
    >
      <Text className='bulletin-dept__value'>{value}</Text>
      <Text className='bulletin-dept__label'>{label}</Text>
    </View>
  )
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View className='bulletin-dept__block'>
      <Text className='bulletin-dept__heading'>{title}</Text>
      <View className='bulletin-dept__figures'>{children}</View>
    </View>
  )
}

/**
 * Each department's part of the month, one panel each, closed until tapped (a lagging one is marked
 * on its title, so a phone shows the whole list first): appeals, visits,
 * plan milestones, key projects, help, its firms' indicators; a lagging one is pressed (督办) here.
 */
export function DepartmentSectionsView({ bulletin, onPressed }: { bulletin: Bulletin; onPressed: () => Promise<void> }) {
  const rows = new Map(bulletin.departments.map((r) => [r.departmentId, r]))
  return (
    <View className='bulletin-depts'>
      <View className='bulletin-depts__title'>各部门分项</View>
      <Collapse>
        {bulletin.sections.map((section) => (
          <Collapse.Item
            key={section.departmentId}
            name={section.departmentId}
            title={
              <View className='bulletin-dept__title'>
                <Text>{section.name}</Text>
                {section.lagging.length > 0 && (
                  <Tag type='danger' plain>
                    滞后
                  </Tag>
                )}
                {section.press && <Tag type='warning'>{PRESS_STATES[section.press.state]}</Tag>}
              </View>
            }
          >
            <DepartmentPanel month={bulletin.month} section={section} row={rows.get(section.departmentId)!} onPressed={onPressed} />
          </Collapse.Item>
        ))}
      </Collapse>
    </View>
  )
}

function DepartmentPanel({
  month,
  section,
  row,
  onPressed,
}: {
  month: string
  section: DepartmentSections
  row: BulletinRow
  onPressed: () => Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const departmentId = section.departmentId
  const { visits, milestones, projects, indicators } = section
  const press = async () => {
    setBusy(true)
    try {
      await callApi('bulletin.press', { month, departmentId, note: '' })
      void Taro.showToast({ title: '已督办', icon: 'success' })
      await onPressed()
    } catch (e) {
      if (e instanceof ApiError) void Taro.showToast({ title: e.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='bulletin-dept'>
      <Block title='诉求办理'>
        <Figure value={row.received} label='受理' onOpen={() => drill(month, 'received', { departmentId }, `${section.name}受理`)} />
        <Figure
          value={row.overdue}
          label='超期'
          bad={row.overdue > 0}
          onOpen={() => drill(month, 'overdue', { departmentId }, `${section.name}超期`)}
        />
        <Figure
          value={percent(row.responseRate)}
          label='响应率'
          onOpen={() => drill(month, 'notRespondedOnTime', { departmentId }, `${section.name}未按时响应`)}
        />
        <Figure
          value={percent(row.onTimeRate)}
          label='按期率'
          onOpen={() => drill(month, 'notOnTime', { departmentId }, `${section.name}未按期办结`)}
        />
        <Figure
          value={percent(row.satisfactionRate)}
          label='满意率'
          onOpen={() => drill(month, 'unsatisfied', { departmentId }, `${section.name}差评`)}
        />
      </Block>
      <Block title='走访'>
        <Figure
          value={`${visits.done}/${visits.owed}`}
          label={`完成 ${percent(visits.rate)}`}
          bad={section.lagging.includes('走访未达标')}
          onOpen={open('/packageVisit/pages/compliance/index')}
        />
        {visits.roles.map((r) => (
          <Figure key={r.role} value={`${r.done}/${r.owed}`} label={r.label} />
        ))}
      </Block>
      <Block title='一企一策节点'>
        <Figure value={milestones.due} label='本月到期' />
        <Figure value={milestones.met} label='已完成' />
        <Figure value={milestones.overdue} label='逾期' bad={milestones.overdue > 0} />
      </Block>
      <Block title='重点项目'>
        <Figure value={projects.projects} label='项目' onOpen={open('/packageLeader/pages/projects/index')} />
        <Figure
          value={projects.behind}
          label='滞后'
          bad={projects.behind > 0}
          onOpen={open('/packageLeader/pages/projects/index?filter=behind')}
        />
        <Figure value={`${projects.metMilestones}/${projects.dueMilestones}`} label='节点完成' />
        <Figure value={projects.stageMoves} label='阶段推进' />
        <Figure value={projects.progressReported} label='报形象进度' />
      </Block>
      {projects.behindProjects.length > 0 && (
        <View className='bulletin-dept__list'>
          滞后项目：
          {projects.behindProjects.map((p) => (
            <Text
              key={p.id}
              className='bb-link bulletin-dept__project'
              onClick={open(`/packageLeader/pages/project/index?id=${encodeURIComponent(p.id)}`)}
            >
              {p.name}
            </Text>
          ))}
        </View>
      )}
      <Block title='企业指标'>
        <Figure value={`${indicators.reported}/${indicators.enterprises}`} label='已报送' />
        <Figure value={indicators.revenue ?? '—'} label='产值（万元）' />
        <Figure value={signed(indicators.revenueChange)} label='同比（同口径）' bad={(indicators.revenueChange ?? 0) < 0} />
        <Figure value={indicators.warnings} label='预警' bad={indicators.warnings > 0} />
      </Block>
      <View className='bulletin-dept__list'>
        帮扶成效（已确认）：
        {section.help.length ? (
          <Text className='bb-link' onClick={open('/packageVisit/pages/help/index')}>
            {section.help.map((h) => h.text).join('；')}
          </Text>
        ) : (
          '本月暂无'
        )}
      </View>
      {section.lagging.length > 0 && (
        <View className='bulletin-dept__lag'>
          <Text>滞后：{section.lagging.join('、')}</Text>
          {section.press ? (
            <Text className='bulletin-dept__pressed'>
              {PRESS_STATES[section.press.state]}
              {section.press.answer ? `：${section.press.answer}` : ''}
            </Text>
          ) : (
            <Button size='small' type='danger' loading={busy} onClick={press}>
              督办
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
