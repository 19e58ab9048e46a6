import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { StaffInvitation, StaffMember } from '../../../../cloud/contract'
import { STAFF_ROLE_CHOICES, type StaffRole } from '../../../../cloud/domain/onboarding/staff'
import { ROLE_LABELS } from '../../../../cloud/domain/roles'
import { ApiError, callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { CodeCard } from '../../../components/code-card'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { useRequestId } from '../../../hooks/use-request-id'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const STATUS: Record<StaffMember['status'], { label: string; color: string }> = {
  invited: { label: '未领取邀请', color: 'var(--bb-warning)' },
  active: { label: '已绑定微信', color: 'var(--bb-success)' },
  deactivated: { label: '已停用', color: 'var(--bb-text-muted)' },
}

const EMPTY = { name: '', title: '', phone: '' }

/**
 * 人员管理: admins manage the town's staff, a department head their own department's officers.
 * Adding someone makes their one-time invitation (a code and a QR code, shown once); an invitation
 * can be made again or taken back; an account can be closed at once; an officer's enterprises,
 * appeals and visits are handed to a successor (交接).
 */
export default function StaffPage() {
  const { data: me } = useMe()
  const [showClosed, setShowClosed] = useState(false)
  const { data: staff, reload } = useAction('staff.list', { includeDeactivated: showClosed }, String(showClosed))
  const { data: directory } = useAction('org.directory', {})
  const [adding, setAdding] = useState(false)
  const [form, setForm] = useState(EMPTY)
  const [role, setRole] = useState<StaffRole>('officer')
  const [departmentId, setDepartmentId] = useState<string>()
  const [invitation, setInvitation] = useState<StaffInvitation>()
  const [handingOver, setHandingOver] = useState<string>()
  const [successor, setSuccessor] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [requestId, renewRequestId] = useRequestId()
  if (!me || !staff || !directory) return <PagePending />

  const isAdmin = me.user.role === 'admin'
  const roles: readonly StaffRole[] = isAdmin ? STAFF_ROLE_CHOICES : ['officer']
  const needsDepartment = role === 'officer' || role === 'dept_head'
  const department = isAdmin ? departmentId : me.user.department?.id
  const departments = directory.departments

  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
      await reload()
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
      else throw e
    } finally {
      setBusy(false)
    }
  }
  const add = () =>
    run(async () => {
      const made = await callApi(
        'staff.add',
        { clientRequestId: requestId, ...form, role, ...(needsDepartment && department ? { departmentId: department } : {}) },
        { silent: true },
      )
      renewRequestId()
      setInvitation(made)
      setAdding(false)
      setForm(EMPTY)
    })
  const reinvite = (s: StaffMember) => run(async () => setInvitation(await callApi('staff.invite', { id: s.id })))
  const revoke = (s: StaffMember) =>
    run(async () => {
      await callApi('staff.revokeInvitation', { id: s.id })
      if (invitation?.staff.id === s.id) setInvitation(undefined)
    }, '已收回')
  const deactivate = async (s: StaffMember) => {
    const { confirm } = await Taro.showModal({
      title: `停用 ${s.name} 的账号？`,
      content: '停用后立即不能登录，已办理的记录保留。手上的企业和诉求请另行交接。',
      confirmText: '停用',
    })
    if (confirm) await run(() => callApi('staff.deactivate', { id: s.id }), '已停用')
  }
  const handOver = (s: StaffMember) =>
    run(async () => {
      if (!successor) throw new ApiError({ code: 'BAD_REQUEST', message: '请选择接任人', field: 'toId' })
      const result = await callApi('staff.handover', { fromId: s.id, toId: successor }, { silent: true })
      setHandingOver(undefined)
      setSuccessor(undefined)
      void Taro.showModal({
        title: '交接完成',
        content: `${result.from.name} 的 ${result.enterprises} 家企业、${result.appeals} 件在办诉求、${result.visits} 次走访已交给 ${result.to.name}。`,
        showCancel: false,
      })
    })

  const successors = (s: StaffMember) =>
    directory.officers.filter((o) => o.id !== s.id && (isAdmin || o.departmentId === me.user.department?.id))

  return (
    <View className={pageClass('staff')}>
      {invitation && (
        <CodeCard
          title={`${invitation.staff.name}的邀请码`}
          code={invitation.code}
          image={invitation.image}
          expiresAt={invitation.expiresAt}
          hint='请本人用微信扫码，或在小程序“我的 → 工作人员加入”输入。离开本页后不再显示。'
        />
      )}
      {!adding && (
        <Button
          type='primary'
          block
          onClick={() => {
            // A new form, a new request: a repeat of the last one's submit is not this person.
            renewRequestId()
            setAdding(true)
          }}
        >
          添加工作人员
        </Button>
      )}
      {adding && (
        <View className='bb-card'>
          <View className='bb-section-title'>添加工作人员</View>
          <Input value={form.name} onChange={(name) => setForm({ ...form, name })} maxLength={20} placeholder='姓名' />
          <Input
            value={form.title}
            onChange={(title) => setForm({ ...form, title })}
            maxLength={40}
            placeholder='职务，如 产业服务办驻企特派员'
          />
          <Input value={form.phone} onChange={(phone) => setForm({ ...form, phone })} type='number' maxLength={11} placeholder='手机号' />
          <View className='staff__label'>角色</View>
          <Chips options={roles} value={role} onChange={setRole} label={(r) => ROLE_LABELS[r]} />
          {needsDepartment && isAdmin && (
            <>
              <View className='staff__label'>部门</View>
              <Chips
                options={departments.map((d) => d.id)}
                value={departmentId}
                onChange={setDepartmentId}
                label={(id) => departments.find((d) => d.id === id)?.name ?? id}
              />
            </>
          )}
          {error && <View className='staff__error'>{error}</View>}
          <View className='staff__buttons'>
            <Button type='primary' block loading={busy} onClick={() => void add()}>
              添加并生成邀请码
            </Button>
            <Button block fill='outline' onClick={() => setAdding(false)}>
              取消
            </Button>
          </View>
        </View>
      )}

      <View className='staff__filters'>
        <Chips
          options={['open', 'all'] as const}
          value={showClosed ? 'all' : 'open'}
          onChange={(v) => setShowClosed(v === 'all')}
          label={(v) => (v === 'open' ? '在职' : '含已停用')}
        />
      </View>
      {!adding && error && <View className='staff__error'>{error}</View>}

      {staff.map((s) => (
        <View key={s.id} className='bb-card staff__item' aria-label={s.name}>
          <View className='staff__head'>
            <Text className='staff__name'>{s.name}</Text>
            <Text className='staff__role'>{s.roleLabel}</Text>
            <Tag plain round background={STATUS[s.status].color}>
              {STATUS[s.status].label}
            </Tag>
          </View>
          <Text className='bb-muted'>{[s.department?.name, s.title, s.phone].filter(Boolean).join(' · ')}</Text>
          {s.role === 'officer' && (
            <View className='bb-muted'>
              包保企业 {s.holds.enterprises} · 在办诉求 {s.holds.appeals} · 待走访 {s.holds.visits}
            </View>
          )}
          {s.status === 'invited' && s.invitationExpiresAt === null && <View className='bb-muted'>邀请码已过期或已收回，可重新邀请。</View>}
          {s.id !== me.user.id && (
            <View className='staff__actions'>
              {s.status !== 'deactivated' && (
                <Text className='bb-link' onClick={() => void reinvite(s)}>
                  {s.claimed ? '换绑微信' : '重新邀请'}
                </Text>
              )}
              {s.invitationExpiresAt !== null && (
                <Text className='bb-link' onClick={() => void revoke(s)}>
                  收回邀请
                </Text>
              )}
              {s.role === 'officer' && s.holds.enterprises + s.holds.appeals + s.holds.visits > 0 && (
                <Text className='bb-link' onClick={() => setHandingOver(handingOver === s.id ? undefined : s.id)}>
                  交接
                </Text>
              )}
              {s.status !== 'deactivated' && (
                <Text className='bb-link staff__danger' onClick={() => void deactivate(s)}>
                  停用
                </Text>
              )}
            </View>
          )}
          {handingOver === s.id && (
            <View className='staff__handover'>
              <View className='staff__label'>接任人（企业、在办诉求、待进行的走访一并转给他）</View>
              <Chips
                options={successors(s).map((o) => o.id)}
                value={successor}
                onChange={setSuccessor}
                label={(id) => directory.officers.find((o) => o.id === id)?.name ?? id}
              />
              <Button type='primary' block loading={busy} onClick={() => void handOver(s)}>
                确认交接
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
