import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { updateProfileInput } from '../../../cloud/contract/me'
import { callApi, LOGIN_PAGE } from '../../api/client'
import { PRIVACY_USES, TYPED_IN } from '../../api/privacy'
import { clearSession } from '../../api/session'
import { isStaff } from '../../../cloud/domain/roles'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { useSubmit } from '../../hooks/use-submit'
import { useFormErrors } from '../../hooks/use-form-errors'
import { Field } from '../../components/field'
import { footMessage } from '../../forms/validate'
import { formatMoment } from '../../utils/time'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/**
 * 个人信息与隐私: what the app collects and why, everything it holds about me (查阅), correcting my
 * name and phone (更正), and deleting my personal data (注销) for owners and guests.
 */
export default function PrivacyPage() {
  const { data, reload } = useAction('me.data', {})
  const { data: me } = useMe()
  const [name, setName] = useState<string>()
  const [phone, setPhone] = useState<string>()
  const [confirm, setConfirm] = useState('')
  const { error, run } = useSubmit()
  const correction = useFormErrors()
  if (!data) return <PagePending />
  const now = Date.now()
  // Staff accounts belong to the administration: an admin closes them.
  const staff = me ? isStaff(me.user.role) : true
  const correctionFoot = footMessage(correction.errors, ['name', 'phone'])

  const save = async () => {
    const values = { ...(name !== undefined && { name }), ...(phone !== undefined && { phone }) }
    const saved = await correction.submit(updateProfileInput, values, (checked) => callApi('me.update', checked, { silent: true }))
    if (!saved) return
    setName(undefined)
    setPhone(undefined)
    await reload()
    void Taro.showToast({ title: '已更正', icon: 'success' })
  }
  const remove = () =>
    run(async () => {
      await callApi('me.delete', { confirm: confirm as '注销' })
      clearSession()
      void Taro.showToast({ title: '已注销', icon: 'none' })
      void Taro.reLaunch({ url: process.env.TARO_ENV === 'h5' ? LOGIN_PAGE : '/pages/home/index' })
    })

  return (
    <View className={pageClass('privacy')}>
      <CellGroup title='我们收集什么、为什么'>
        {[...PRIVACY_USES, ...TYPED_IN].map((use) => (
          <Cell key={use.item} title={use.label} description={`${use.where}：${use.purpose}`} />
        ))}
      </CellGroup>

      <CellGroup title='我的信息'>
        <Cell title='姓名' extra={data.profile.name} />
        <Cell title='手机号' extra={data.profile.phone || '—'} />
        <Cell title='身份' extra={`${data.profile.role}${data.profile.enterprise ? ` · ${data.profile.enterprise}` : ''}`} />
        <Cell title='提交的诉求' extra={`${data.appeals.length} 件`} />
        <Cell title='上传的附件' extra={`${data.uploads.length} 个`} />
        <Cell title='预约的走访' extra={`${data.visits.length} 次`} />
        <Cell title='展会登记' extra={`${data.exhibitions.length} 次`} />
        <Cell title='收藏 / 消息' extra={`${data.favourites} / ${data.messages}`} />
      </CellGroup>
      {data.appeals.slice(0, 5).map((a) => (
        <View key={a.id} className='bb-muted privacy__line'>
          {formatMoment(a.submittedAt, now)} {a.title}：联系人 {a.contactName} {a.contactPhone}
        </View>
      ))}

      <View className='bb-card'>
        <View className='bb-section-title'>更正姓名或手机号</View>
        <Field label='姓名' error={correction.errors.name}>
          <Input
            value={name ?? data.profile.name}
            onChange={(value) => {
              setName(value)
              correction.clear('name')
            }}
            maxLength={20}
            placeholder='姓名'
          />
        </Field>
        <Field label='手机号' error={correction.errors.phone}>
          <Input
            value={phone ?? data.profile.phone}
            onChange={(value) => {
              setPhone(value)
              correction.clear('phone')
            }}
            type='tel'
            maxLength={11}
            placeholder='手机号'
          />
        </Field>
        {correctionFoot && (
          <View className='privacy__error' role='alert'>
            {correctionFoot}
          </View>
        )}
        <Button
          size='small'
          type='primary'
          disabled={name === undefined && phone === undefined}
          loading={correction.busy}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>

      {!staff && (
        <View className='bb-card'>
          <View className='bb-section-title'>注销</View>
          <View className='bb-muted privacy__line'>
            注销后，您的姓名、手机号、消息、收藏、未使用的附件和展会登记将被删除，并解除与企业的绑定；已提交的诉求作为政务记录保留，但不再显示您的姓名和电话。
          </View>
          <Input value={confirm} onChange={setConfirm} maxLength={2} placeholder='输入“注销”确认' />
          <Button size='small' type='danger' disabled={confirm !== '注销'} onClick={remove}>
            注销并删除我的个人信息
          </Button>
        </View>
      )}
      {error && <View className='privacy__error'>{error}</View>}
    </View>
  )
}
