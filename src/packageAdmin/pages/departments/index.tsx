import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { DepartmentView, OrgSettings } from '../../../../cloud/contract'
import { FREQUENCIES, FREQUENCY_LABELS, VISITOR_ROLES, type Frequency } from '../../../../cloud/domain/visit/periods'
import { ROLE_LABELS } from '../../../../cloud/domain/roles'
import { ApiError, callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import { IndicatorFiguresCard } from './indicator-figures-card'
import './index.scss'

const EVERY: Record<Frequency, string> = Object.fromEntries(FREQUENCIES.map((f) => [f, FREQUENCY_LABELS[f].replace('本', '每')])) as Record<
  Frequency,
  string
>

/**
 * 部门与分派 (admins): the departments with their remit and heads, which department each kind of
 * appeal goes to first (effective for the next appeal filed), how often each role must visit, and
 * which monthly figures enterprises report.
 * Every change is in the 变更记录.
 */
export default function DepartmentsPage() {
  const { data: departments, reload } = useAction('org.departments', {})
  const { data: routing, reload: reloadRouting } = useAction('org.routing', {})
  const { data: settings } = useAction('org.settings', {})
  const [editing, setEditing] = useState<DepartmentView | 'new'>()
  const [name, setName] = useState('')
  const [remit, setRemit] = useState('')
  const [frequency, setFrequency] = useState<OrgSettings['visitFrequency']>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (!departments || !routing || !settings) return <PagePending />
  const current = frequency ?? settings.visitFrequency

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
      else throw e
    } finally {
      setBusy(false)
    }
  }
  const edit = (d: DepartmentView | 'new') => {
    setEditing(d)
    setName(d === 'new' ? '' : d.name)
    setRemit(d === 'new' ? '' : d.remit)
  }
  const save = () =>
    run(async () => {
      await callApi('org.saveDepartment', { ...(editing && editing !== 'new' ? { id: editing.id } : {}), name, remit }, { silent: true })
      setEditing(undefined)
      await reload()
      await reloadRouting()
    }, '已保存')
  const route = (category: string, departmentId: string) =>
    run(async () => {
      await callApi('org.saveRouting', { category: category as never, departmentId })
      await reloadRouting()
      await reload()
    }, '已改分派')

  return (
    <View className={pageClass('departments')}>
      <View className='bb-section-title'>
        部门
        <Text className='bb-link' onClick={() => edit('new')}>
          新增部门
        </Text>
      </View>
      {editing && (
        <View className='bb-card'>
          <Input value={name} onChange={setName} maxLength={30} placeholder='部门名称，如 产业服务办' />
          <TextArea value={remit} onChange={setRemit} rows={3} maxLength={300} placeholder='职责：负责哪些企业诉求和服务' />
          {error && <View className='departments__error'>{error}</View>}
          <View className='departments__buttons'>
            <Button type='primary' block loading={busy} onClick={() => void save()}>
              保存部门
            </Button>
            <Button block fill='outline' onClick={() => setEditing(undefined)}>
              取消
            </Button>
          </View>
        </View>
      )}
      {departments.length === 0 && <View className='bb-card bb-muted'>还没有部门。先新增部门，再添加部门负责人和特派员。</View>}
      {departments.map((d) => (
        <View key={d.id} className='bb-card departments__item' aria-label={d.name}>
          <View className='departments__head'>
            <Text className='departments__name'>{d.name}</Text>
            <Text className='bb-link' onClick={() => edit(d)}>
              修改
            </Text>
          </View>
          <View className='bb-muted'>{d.remit}</View>
          <View className='departments__facts'>
            负责人 {d.heads.map((h) => h.name).join('、') || '未设'} · 特派员 {d.officers} 人 · 包抓企业 {d.enterprises} 家
          </View>
          {d.categories.length > 0 && <View className='bb-muted'>受理：{d.categories.join('、')}</View>}
        </View>
      ))}

      <View className='bb-section-title'>诉求分派（对此后提交的诉求生效）</View>
      <View className='bb-card'>
        {departments.length === 0 && <View className='bb-muted'>建好部门后再设置。未设置的类别交给企业的包抓部门。</View>}
        {departments.length > 0 &&
          routing.map((r) => (
            <View key={r.category} className='departments__route'>
              <Text className='departments__category'>
                {r.category}
                {!r.department && <Text className='bb-muted'>（未设：交企业的包抓部门）</Text>}
              </Text>
              <Chips
                options={departments.map((d) => d.id)}
                value={r.department?.id}
                onChange={(id) => void route(r.category, id)}
                label={(id) => departments.find((d) => d.id === id)?.name ?? id}
              />
            </View>
          ))}
      </View>

      <View className='bb-section-title'>走访频次</View>
      <View className='bb-card'>
        {VISITOR_ROLES.map((role) => (
          <View key={role} className='departments__route'>
            <Text className='departments__category'>{ROLE_LABELS[role]}</Text>
            <Chips
              options={FREQUENCIES}
              value={current[role]}
              onChange={(f) => setFrequency({ ...current, [role]: f })}
              label={(f) => EVERY[f]}
            />
          </View>
        ))}
        <Button
          block
          type='primary'
          fill='outline'
          loading={busy}
          disabled={!frequency}
          onClick={() => void run(() => callApi('org.saveVisitFrequency', current).then(() => setFrequency(undefined)), '已保存')}
        >
          保存走访频次
        </Button>
      </View>

      <View className='bb-section-title'>经营数据填报项</View>
      <IndicatorFiguresCard />
    </View>
  )
}
