import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { VisitView } from '../../../../cloud/contract'
import { callApi } from '../../../api/client'
import { ensurePrivacyAgreed } from '../../../api/privacy'
import { useMe } from '../../../hooks/use-me'
import { useSubmit } from '../../../hooks/use-submit'
import '../visit-pages.scss'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'

const VISITORS = ['officer', 'dept_head', 'leader']

/** Where the visitor may share their location: WeChat asks the person; a refusal still checks in. */
async function whereAmI(): Promise<{ lat?: number; lng?: number }> {
  if (!(await ensurePrivacyAgreed())) return {}
  try {
    // A browser that never answers must not hold the check-in up.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))
    const { latitude, longitude } = await Promise.race([Taro.getLocation({ type: 'gcj02' }), timeout])
    return { lat: latitude, lng: longitude }
  } catch {
    return {}
  }
}

/**
 * 走访签到: opened by scanning an enterprise's own code (?c= on H5, the scene on WeChat), or with
 * the code typed in. A visitor checks in on the spot; anyone else learns what the code is for.
 */
export default function CheckInPage() {
  const params = useRouter().params
  const scanned = decodeURIComponent(params.c ?? params.scene ?? '')
  const { data: me } = useMe()
  const [code, setCode] = useState(scanned)
  const [visit, setVisit] = useState<VisitView>()
  const { busy, error, run } = useSubmit()
  const visitor = me ? VISITORS.includes(me.user.role) : false

  const checkIn = useCallback(
    (value: string) => run(async () => setVisit(await callApi('visit.checkIn', { code: value.trim(), ...(await whereAmI()) }))),
    [run],
  )
  // Only a scan that opened the page checks in by itself, once the person is known to be a visitor
  // (scanned and checkIn stay the same while the page is open).
  useEffect(() => {
    if (visitor && scanned) void checkIn(scanned)
  }, [visitor, scanned, checkIn])

  if (!me) return <PagePending />
  if (!visitor) {
    return (
      <View className={pageClass('visit-pages')}>
        <View className='bb-card'>
          <View className='visit-pages__title'>这是企业的走访码</View>
          <View className='bb-muted'>驻企特派员、部门负责人和包抓领导到企业走访时扫这个码签到，走访才计入达标。</View>
        </View>
        <Button block onClick={() => Taro.switchTab({ url: '/pages/visits/index' })}>
          查看我的走访
        </Button>
      </View>
    )
  }
  if (visit) {
    return (
      <View className={pageClass('visit-pages')}>
        <View className='bb-card'>
          <View className='visit-pages__title visit-pages__ok'>已签到：{visit.enterprise.name}</View>
          <View className='bb-muted'>
            {visit.slotLabel} · {visit.topic}
          </View>
        </View>
        <Button
          type='primary'
          block
          onClick={() => Taro.redirectTo({ url: `/packageVisit/pages/record/index?id=${encodeURIComponent(visit.id)}` })}
        >
          填写走访记录
        </Button>
      </View>
    )
  }
  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        <View className='bb-section-title'>企业走访码</View>
        <Input value={code} onChange={setCode} maxLength={32} placeholder='扫码或输入企业“我的”页面上的走访码' />
        {error && <View className='visit-pages__error visit-pages__hint'>{error}</View>}
      </View>
      <Button type='primary' block loading={busy} onClick={() => checkIn(code)}>
        签到
      </Button>
    </View>
  )
}
