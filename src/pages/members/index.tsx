import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { BindingCodeView, EnterpriseOwners } from '../../../cloud/contract'
import { ApiError, callApi } from '../../api/client'
import { CodeCard } from '../../components/code-card'
import { useAction } from '../../hooks/use-action'
import { beijing } from '../../utils/time'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/** Asks before something that cannot be undone by a tap. */
async function confirm(content: string): Promise<boolean> {
  return (await Taro.showModal({ title: '请确认', content })).confirm
}

/**
 * 企业成员与绑定: who speaks for the enterprise (its owners, the primary one first), who waits for
 * approval, and — for the staff covering it — the one-time binding code to hand over (shown once,
 * as a code and a QR code). The primary owner and the staff approve, refuse and remove; an owner
 * may leave.
 */
export default function MembersPage() {
  const { params } = useRouter()
  const id = params.id
  const { data, reload } = useAction('enterprise.owners', id ? { enterpriseId: id } : {}, id ?? '')
  const [fresh, setFresh] = useState<EnterpriseOwners>()
  const [code, setCode] = useState<BindingCodeView>()
  const [busy, setBusy] = useState(false)
  const view = fresh ?? data
  if (!view) return <PagePending />

  const step = async (work: () => Promise<EnterpriseOwners | void>) => {
    setBusy(true)
    try {
      const next = await work()
      if (next) setFresh(next)
      else {
        setFresh(undefined)
        await reload()
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
    } finally {
      setBusy(false)
    }
  }
  const issue = () =>
    step(async () => {
      setCode(await callApi('enterprise.issueBindingCode', { enterpriseId: view.enterprise.id }))
    })
  const revoke = () =>
    step(async () => {
      setCode(undefined)
      return callApi('enterprise.revokeBindingCode', { enterpriseId: view.enterprise.id })
    })
  const decide = (requestId: string, approve: boolean) => step(() => callApi('enterprise.decideOwner', { requestId, approve }))
  const remove = async (userId: string, name: string, self: boolean) => {
    if (!(await confirm(self ? `解除您与${view.enterprise.name}的绑定？` : `移除企业用户 ${name}？`))) return
    await step(() => callApi('enterprise.removeOwner', { userId }))
    if (self) void Taro.reLaunch({ url: '/pages/me/index' })
  }

  return (
    <View className={pageClass('members')}>
      <View className='bb-card'>
        <Text className='members__name'>{view.enterprise.name}</Text>
        <View className='bb-muted'>统一社会信用代码 {view.enterprise.creditCode}</View>
        {!view.enterprise.active && <Tag type='danger'>已停用</Tag>}
      </View>

      {view.canIssue && (
        <>
          {code ? (
            <CodeCard
              title='企业绑定码'
              code={code.code}
              image={code.image}
              expiresAt={code.expiresAt}
              hint='请企业负责人用微信扫码，或在“我的 → 绑定企业”输入信用代码和此码。离开本页后不再显示。'
            />
          ) : (
            <View className='bb-card'>
              <View className='bb-section-title'>企业绑定码</View>
              <View className='bb-muted members__hint'>
                {view.codeExpiresAt
                  ? `已有一个未使用的绑定码，${beijing(view.codeExpiresAt).format('M月D日 HH:mm')} 前有效。重新生成后旧码作废。`
                  : '走访时出示二维码让企业负责人扫，或电话里念给他。每个码只能用一次，7 天内有效。'}
              </View>
            </View>
          )}
          <View className='members__buttons'>
            <Button type='primary' block loading={busy} disabled={!view.enterprise.active} onClick={() => void issue()}>
              {view.codeExpiresAt || code ? '重新生成绑定码' : '生成绑定码'}
            </Button>
            {(view.codeExpiresAt || code) && (
              <Button block fill='outline' loading={busy} onClick={() => void revoke()}>
                收回绑定码
              </Button>
            )}
          </View>
        </>
      )}

      {view.requests.length > 0 && (
        <View className='bb-card'>
          <View className='bb-section-title'>待同意的绑定申请</View>
          {view.requests.map((r) => (
            <View key={r.id} className='members__row'>
              <View>
                <Text className='members__person'>{r.name}</Text>
                <View className='bb-muted'>
                  {r.phone} · {beijing(r.at).format('M月D日 HH:mm')} 申请
                </View>
              </View>
              {view.canManage && (
                <View className='members__actions'>
                  <Button size='small' type='primary' loading={busy} onClick={() => void decide(r.id, true)}>
                    同意
                  </Button>
                  <Button size='small' fill='outline' loading={busy} onClick={() => void decide(r.id, false)}>
                    拒绝
                  </Button>
                </View>
              )}
            </View>
          ))}
        </View>
      )}

      <View className='bb-card'>
        <View className='bb-section-title'>企业用户（{view.owners.length}）</View>
        {view.owners.length === 0 && <View className='bb-muted'>还没有人绑定这家企业。</View>}
        {view.owners.map((o) => (
          <View key={o.id} className='members__row'>
            <View>
              <View className='members__who'>
                <Text className='members__person'>{o.name}</Text>
                {o.primary && (
                  <Tag plain round background='var(--bb-primary)'>
                    主要负责人
                  </Tag>
                )}
                {o.isMe && <Text className='bb-muted'>（我）</Text>}
              </View>
              <View className='bb-muted'>
                {o.phone} · {beijing(o.since).format('YYYY年M月D日')} 绑定
              </View>
            </View>
            {(o.isMe || (view.canManage && !(o.primary && !view.canIssue))) && (
              <Button size='small' fill='outline' type='danger' loading={busy} onClick={() => void remove(o.id, o.name, o.isMe)}>
                {o.isMe ? '解除绑定' : '移除'}
              </Button>
            )}
          </View>
        ))}
      </View>
    </View>
  )
}
