import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RosterEnterprise, RosterImportResult } from '../../../../cloud/contract'
import { ApiError, callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { pickWorkbook, saveWorkbook, type PickedWorkbook } from '../../../utils/workbook'
import { EnterpriseForm } from './enterprise-form'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const STATUSES = ['active', 'deactivated'] as const
const STATUS_LABELS = { active: '在册', deactivated: '已停用' } as const

/**
 * 企业名录 (admins): the template to fill, an .xlsx import that is checked first (every problem by
 * row and column, nothing written until the whole file is good), the export, and the roster itself:
 * add, correct, take off the roster, and move many enterprises to one officer at once (批量包保).
 */
export default function RosterPage() {
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('active')
  const { data, reload } = useAction('roster.list', { query: query || undefined, status, limit: 50 }, `${query}|${status}`)
  const { data: directory } = useAction('org.directory', {})
  const { data: staff } = useAction('staff.list', {})
  const [picked, setPicked] = useState<PickedWorkbook>()
  const [check, setCheck] = useState<RosterImportResult>()
  const [editing, setEditing] = useState<RosterEnterprise | 'new'>()
  const [selecting, setSelecting] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const [assignTo, setAssignTo] = useState<string>()
  const [busy, setBusy] = useState(false)
  const officers = directory?.officers ?? []
  const leaders = (staff ?? []).filter((s) => s.role === 'leader').map((s) => ({ id: s.id, name: s.name }))

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await work()
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
    } finally {
      setBusy(false)
    }
  }
  const download = (action: 'roster.template' | 'roster.export') =>
    run(async () => {
      const file = await callApi(action, {})
      await saveWorkbook(file.fileName, file.base64)
    })
  const choose = () =>
    run(async () => {
      const file = await pickWorkbook()
      if (!file) return
      setPicked(file)
      setCheck(await callApi('roster.import', { file: file.base64, apply: false }))
    })
  const apply = () =>
    run(async () => {
      if (!picked) return
      const result = await callApi('roster.import', { file: picked.base64, apply: true })
      setCheck(undefined)
      setPicked(undefined)
      void Taro.showModal({
        title: '导入完成',
        content: `新增 ${result.created} 家，更新 ${result.updated} 家，未变 ${result.unchanged} 家。`,
        showCancel: false,
      })
      await reload()
    })
  const assign = () =>
    run(async () => {
      if (!assignTo) throw new ApiError({ code: 'BAD_REQUEST', message: '请选择特派员' })
      const result = await callApi('roster.assign', { enterpriseIds: selected, officerId: assignTo })
      void Taro.showModal({
        title: '批量包保完成',
        content: `${result.moved} 家企业交给了${officers.find((o) => o.id === assignTo)?.name}，随企业交接在办诉求 ${result.appeals} 件、走访 ${result.visits} 次。`,
        showCancel: false,
      })
      setSelecting(false)
      setSelected([])
      await reload()
    })
  const toggleActive = (e: RosterEnterprise) =>
    run(async () => {
      await callApi('roster.setActive', { id: e.id, active: !e.active })
      await reload()
    })

  return (
    <View className={pageClass('roster')}>
      <View className='roster__tools'>
        <Button size='small' fill='outline' loading={busy} onClick={() => void download('roster.template')}>
          下载模板
        </Button>
        <Button size='small' type='primary' loading={busy} onClick={() => void choose()}>
          导入 Excel
        </Button>
        <Button size='small' fill='outline' loading={busy} onClick={() => void download('roster.export')}>
          导出名录
        </Button>
      </View>

      {check && (
        <View className={`bb-card roster__check ${check.ok ? '' : 'roster__check--bad'}`} aria-label='导入检查结果'>
          <View className='bb-section-title'>{picked?.name}</View>
          {check.ok ? (
            <>
              <View>
                共 {check.rows} 行，逐行核对无误：将新增 {check.created} 家，更新 {check.updated} 家
                {check.reassigned ? `（其中 ${check.reassigned} 家更换特派员，随企业交接）` : ''}，未变 {check.unchanged} 家。
              </View>
              <View className='roster__buttons'>
                <Button type='primary' block loading={busy} disabled={check.created + check.updated === 0} onClick={() => void apply()}>
                  确认导入
                </Button>
                <Button block fill='outline' onClick={() => setCheck(undefined)}>
                  取消
                </Button>
              </View>
            </>
          ) : (
            <>
              <View className='roster__bad'>表格有 {check.problems.length} 处问题，一行也没有导入。请改正后重新导入：</View>
              {check.problems.map((p) => (
                <View key={p.text} className='roster__problem'>
                  {p.text}
                </View>
              ))}
            </>
          )}
        </View>
      )}

      {editing && (
        <EnterpriseForm
          key={editing === 'new' ? 'new' : editing.id}
          enterprise={editing === 'new' ? undefined : editing}
          officers={officers}
          leaders={leaders}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined)
            void Taro.showToast({ title: '已保存', icon: 'success' })
            void reload()
          }}
        />
      )}

      <SearchBar value={query} onChange={setQuery} placeholder='企业名称或信用代码' />
      <View className='roster__bar'>
        <Chips options={STATUSES} value={status} onChange={setStatus} label={(s) => STATUS_LABELS[s]} />
        <Text className='bb-link' onClick={() => setEditing('new')}>
          新增企业
        </Text>
        <Text className='bb-link' onClick={() => setSelecting(!selecting)}>
          {selecting ? '取消批量' : '批量包保'}
        </Text>
      </View>
      <View className='bb-muted roster__total'>
        {data ? `共 ${data.total} 家${data.total > data.items.length ? `，显示前 ${data.items.length} 家` : ''}` : ''}
      </View>

      {selecting && (
        <View className='bb-card'>
          <View className='bb-section-title'>已选 {selected.length} 家，交给：</View>
          <Chips
            options={officers.map((o) => o.id)}
            value={assignTo}
            onChange={setAssignTo}
            label={(id) => officers.find((o) => o.id === id)?.name ?? id}
          />
          <Button type='primary' block loading={busy} disabled={!selected.length || !assignTo} onClick={() => void assign()}>
            确认批量包保
          </Button>
        </View>
      )}

      {data?.items.map((e) => {
        const chosen = selected.includes(e.id)
        return (
          <View
            key={e.id}
            className={`bb-card roster__item ${chosen ? 'roster__item--chosen' : ''}`}
            role={selecting ? 'checkbox' : undefined}
            aria-checked={selecting ? chosen : undefined}
            aria-label={e.name}
            onClick={() => selecting && setSelected(chosen ? selected.filter((id) => id !== e.id) : [...selected, e.id])}
          >
            <View className='roster__head'>
              <Text className='roster__name'>{e.name}</Text>
              {!e.active && <Tag type='danger'>已停用</Tag>}
            </View>
            <View className='bb-muted'>
              {e.creditCode} · {e.kind} · {e.industry} · {e.park}
            </View>
            <View className='roster__people'>
              特派员 {e.officer?.name ?? '—'} · 包抓领导 {e.leader?.name ?? '—'} · 已绑定 {e.owners} 人
            </View>
            {!selecting && (
              <View className='roster__actions'>
                <Text className='bb-link' onClick={() => setEditing(e)}>
                  修改
                </Text>
                <Text
                  className='bb-link'
                  onClick={() => void Taro.navigateTo({ url: `/pages/members/index?id=${encodeURIComponent(e.id)}` })}
                >
                  成员与绑定码
                </Text>
                <Text className='bb-link roster__danger' onClick={() => void toggleActive(e)}>
                  {e.active ? '停用' : '恢复'}
                </Text>
              </View>
            )}
          </View>
        )
      })}
      {data?.items.length === 0 && <View className='bb-card bb-muted'>名录里还没有企业：下载模板，填好后导入。</View>}
    </View>
  )
}
