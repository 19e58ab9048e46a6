import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { AlikeAppeal, AppealDetail } from '../../../cloud/contract'
import { ApiError, callApi } from '../../api/client'

const openAppeal = (id: string) => Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(id)}` })

/**
 * 问题汇聚 for staff: the open appeals like this one. Tick the ones of other enterprises and handle
 * them together (并案办理); a duplicate of the same enterprise goes into its earlier appeal (并单).
 */
export function SimilarAppeals({ appeal, onDone }: { appeal: AppealDetail; onDone: () => void }) {
  const canLink = appeal.allowedMoves.includes('link')
  const canMerge = appeal.allowedMoves.includes('merge')
  const [alike, setAlike] = useState<AlikeAppeal[]>()
  const [picked, setPicked] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!canLink && !canMerge) return
    void callApi('appeal.similar', { id: appeal.id }, { silent: true })
      .then(setAlike)
      .catch(() => setAlike([]))
  }, [appeal.id, appeal.version, canLink, canMerge])

  const linkable = (alike ?? []).filter((a) => !a.inGroup && !a.sameEnterprise)
  if (!alike || (linkable.length === 0 && !alike.some((a) => a.mergeTarget))) return null

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true)
    setError(undefined)
    try {
      await run()
      setPicked([])
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
    } finally {
      setBusy(false)
    }
  }
  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]))

  return (
    <View className='bb-card similar-appeals'>
      <View className='bb-section-title'>相似诉求</View>
      {alike.map((item) => (
        <View key={item.id} className='similar-appeals__item'>
          {canLink && !item.inGroup && !item.sameEnterprise && (
            <View
              className={`similar-appeals__check ${picked.includes(item.id) ? 'similar-appeals__check--on' : ''}`}
              role='checkbox'
              aria-checked={picked.includes(item.id)}
              aria-label={`选择${item.title}`}
              onClick={() => toggle(item.id)}
            />
          )}
          <View className='similar-appeals__body' onClick={() => void openAppeal(item.id)}>
            <View className='similar-appeals__title'>{item.title}</View>
            <View className='bb-muted'>
              {item.enterpriseName} · {item.stateLabel} · 相似度 {item.score}%{item.samePark ? ' · 同一园区' : ''}
              {item.sameEnterprise ? ' · 同一企业' : ''}
              {item.inGroup ? ' · 已并案' : ''}
            </View>
          </View>
          {canMerge && item.mergeTarget && (
            <Button
              size='small'
              fill='outline'
              disabled={busy}
              onClick={() => void act(() => callApi('appeal.merge', { id: appeal.id, version: appeal.version, intoId: item.id }))}
            >
              并入此条
            </Button>
          )}
        </View>
      ))}
      {error && <View className='appeal-moves__error'>{error}</View>}
      {canLink && linkable.length > 0 && (
        <Button
          type='primary'
          block
          disabled={picked.length === 0}
          loading={busy}
          onClick={() => void act(() => callApi('appeal.link', { id: appeal.id, version: appeal.version, memberIds: picked }))}
        >
          {picked.length > 0 ? `并案办理（${picked.length} 条）` : '勾选后并案办理'}
        </Button>
      )}
      <Text className='bb-muted similar-appeals__hint'>并案后由本诉求承办人统一办理，办结时各企业同时收到结果。</Text>
    </View>
  )
}

/** Where the appeal stands among others: handled in a group, or merged into an earlier one. */
export function AppealRelations({ appeal }: { appeal: AppealDetail }) {
  if (appeal.mergedInto) {
    return (
      <View className='appeal-relations' onClick={() => void openAppeal(appeal.mergedInto!.id)} role='link'>
        已并入《{appeal.mergedInto.title}》一并办理，点此查看
      </View>
    )
  }
  if (!appeal.group) return null
  if (appeal.group.members.length === 0)
    return <View className='appeal-relations'>与其他企业反映的同类问题并案办理，办结时一并告知您结果。</View>
  return (
    <View className='appeal-relations'>
      <View>并案办理（{appeal.group.members.length} 条）</View>
      {appeal.group.members.map((member) => (
        <View key={member.id} className='appeal-relations__member' onClick={() => member.id !== appeal.id && void openAppeal(member.id)}>
          {member.id === appeal.group!.leadId ? '【主】' : ''}
          {member.title} · {member.enterpriseName} · {member.stateLabel}
        </View>
      ))}
    </View>
  )
}
