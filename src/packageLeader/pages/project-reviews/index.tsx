import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProjectReviewSummary } from '../../../../cloud/contract'
import { takeReviewInput } from '../../../../cloud/contract/project'
import { callApi } from '../../../api/client'
import { Field, FieldMessage } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { footMessage } from '../../../forms/validate'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { useMe } from '../../../hooks/use-me'
import { useRequestId } from '../../../hooks/use-request-id'
import '../projects/index.scss'

const openReview = (id: string) => Taro.navigateTo({ url: `/packageLeader/pages/project-review/index?id=${encodeURIComponent(id)}` })

/**
 * 半年观摩: each inspection tour's record of the key projects, the latest first. A leader or admin
 * records today's, which keeps every project as it stands now, to read against later.
 */
export default function ProjectReviewsPage() {
  const { data: me } = useMe()
  const { data } = useAction('project.reviews', {})
  const mayTake = me?.user.role === 'leader' || me?.user.role === 'admin'
  return (
    <View className={pageClass('projects')}>
      {mayTake && <TakeReview />}
      {!data ? (
        <PagePending inline rows={2} />
      ) : data.items.length === 0 ? (
        <View className='bb-card bb-muted'>还没有观摩记录。观摩当天记录一次，之后可对照各项目的进展。</View>
      ) : (
        data.items.map((review) => <ReviewCard key={review.id} review={review} />)
      )}
    </View>
  )
}

function ReviewCard({ review }: { review: ProjectReviewSummary }) {
  return (
    <View className='bb-card projects__item' role='link' onClick={() => openReview(review.id)}>
      <Text className='projects__name'>{review.title}</Text>
      <View>
        {review.projects} 个项目 · 总投资 {review.investment} 亿元 · 当日滞后 {review.behind} 个
      </View>
      <View className='bb-muted'>
        {review.takenOn} · {review.takenByName} 记录
      </View>
    </View>
  )
}

function TakeReview() {
  const [title, setTitle] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const form = useFormErrors()
  const foot = footMessage(form.errors, ['title'])
  const take = async () => {
    const review = await form.submit(takeReviewInput, { clientRequestId: requestId, title }, (checked) =>
      callApi('project.takeReview', checked, { silent: true }),
    )
    if (!review) return
    renewRequestId()
    setTitle('')
    await openReview(review.id)
  }
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>记录本次观摩</View>
      <View className='bb-muted'>记录全部重点项目今天的阶段、节点、问题和形象进度，之后不再改变。</View>
      <Field label='观摩名称' error={form.errors.title}>
        <Input value={title} onChange={form.edited('title', setTitle)} maxLength={40} placeholder='可不填，默认按上/下半年命名' />
      </Field>
      <FieldMessage error={foot} />
      <Button type='primary' block loading={form.busy} onClick={take}>
        记录今天的项目情况
      </Button>
    </View>
  )
}
