import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AppealDetail } from '../../../cloud/contract'
import { HOUR } from '../../../cloud/domain/time-units'
import { beijing, formatMoment } from '../../utils/time'

const RETURN_OUTCOMES: Record<string, string> = {
  pending: '不予受理正在由督查办审核',
  upheld: '督查办审核：维持不予受理',
  overturned: '督查办审核：退回部门办理',
  unreviewed: '不予受理（审核制度实行前作出）',
  withdrawn: '不予受理审核前，企业已撤回',
}
const CONTESTS: Record<string, string> = {
  pending: '承办人已申诉，待督查办复核',
  upheld: '申诉成立，这条差评不计',
  dismissed: '申诉不成立，差评有效',
}
const SPOT_RESULTS: Record<string, string> = { confirmed: '评价属实', pressured: '评价不实', unreachable: '未联系上企业' }

const hours = (ms: number) => `${Math.round((ms / HOUR) * 10) / 10} 小时`

/**
 * Where the appeal stands beyond its state: what the enterprise is asked for and whether the clock
 * is paused, the review of a return, the rating and its rectification, the questions sent to the
 * county and their answers; for staff, the public summary and the link to send the county office.
 */
export function AppealStanding({ appeal, now }: { appeal: AppealDetail; now: number }) {
  const paused = appeal.pause.pausedAt !== null
  const rating = appeal.rating
  return (
    <>
      {appeal.infoRequest && (
        <View className='bb-card appeal-standing appeal-standing--ask'>
          <View className='bb-section-title'>需要企业补充</View>
          <View className='appeal-standing__ask'>{appeal.infoRequest}</View>
          <View className='bb-muted'>
            {paused
              ? `企业已确认，自 ${formatMoment(appeal.pause.pausedAt!, now)} 起暂停计时，补充后恢复（已暂停 ${hours(now - appeal.pause.pausedAt!)}）`
              : '企业确认后暂停计时；在此之前办理期限照常计算'}
          </View>
        </View>
      )}
      <View className='bb-card appeal-standing'>
        <View className='appeal-standing__line'>
          来源：{appeal.sourceLabel}
          {appeal.hotlineTicket ? `（工单号 ${appeal.hotlineTicket}）` : ''}
          {appeal.conduct ? ' · 作风投诉，由督查办办理' : ''}
          {appeal.anonymous ? ' · 对承办部门隐去企业名称' : ''}
        </View>
        {appeal.publicSummary && <View className='appeal-standing__line'>公开摘要：{appeal.publicSummary}</View>}
        {appeal.pause.count > 0 && (
          <View className='appeal-standing__line'>
            暂停计时 {appeal.pause.count} 次，共 {hours(appeal.pause.totalMs + (paused ? now - appeal.pause.pausedAt! : 0))}
          </View>
        )}
        {appeal.returnReview && (
          <View className='appeal-standing__line'>
            {RETURN_OUTCOMES[appeal.returnReview.outcome] ?? appeal.returnReview.outcome}
            {appeal.returnReview.objected ? '（企业已提出异议）' : ''}
          </View>
        )}
        {rating && (
          <View className='appeal-standing__line'>
            评价：{rating.label}
            {rating.solved === null ? '' : rating.solved ? ' · 问题已解决' : ' · 问题未解决'}
            {rating.voided ? '（不计）' : ''}
            {rating.contest ? ` · ${CONTESTS[rating.contest] ?? rating.contest}` : ''}
            {rating.spotCheck?.picked && !rating.spotCheck.checkedAt ? ' · 已抽中督查回访' : ''}
            {rating.spotCheck?.checkedAt ? ` · 督查回访：${SPOT_RESULTS[rating.spotCheck.result ?? ''] ?? ''}` : ''}
          </View>
        )}
        {appeal.rectification && (
          <View className='appeal-standing__line'>
            差评整改期限：{beijing(appeal.rectification.dueAt).format('M月D日')}
            {appeal.rectification.doneAt ? `，${formatMoment(appeal.rectification.doneAt, now)} 已整改` : ''}
          </View>
        )}
      </View>
      {appeal.escalations.length > 0 && (
        <View className='bb-card appeal-standing'>
          <View className='bb-section-title'>上报县级部门</View>
          {appeal.escalations.map((e) => (
            <View key={e.id} className='appeal-standing__escalation'>
              <View>
                {e.office}：{e.question}
              </View>
              {e.answer ? (
                <View className='appeal-standing__answer'>
                  答复（{e.answeredBy}，{formatMoment(e.answeredAt!, now)}）：{e.answer}
                </View>
              ) : (
                <View className='bb-muted'>等待答复，链接有效期至 {formatMoment(e.expiresAt, now)}</View>
              )}
              {e.link && (
                <Text
                  className='bb-link'
                  onClick={() =>
                    void Taro.setClipboardData({ data: e.link! }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }))
                  }
                >
                  复制答复链接，发给县级部门
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </>
  )
}
