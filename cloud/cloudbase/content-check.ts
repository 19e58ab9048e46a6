import { ContentCheck } from '../actions/ports'

/** The part of wx-server-sdk this adapter uses, so it can be tested with a stand-in. */
export interface SecurityApi {
  msgSecCheck(request: { openid: string; scene: number; version: number; content: string }): Promise<{
    errCode?: number
    result?: { suggest?: string }
  }>
}

/** Scene 1 is "profile/comment"-style user text, the closest to an appeal in WeChat's list. */
const SCENE_FORUM = 1

/**
 * WeChat's content check (security.msgSecCheck, version 2). Its verdict is 'pass', 'review' or
 * 'risky'; anything else, or a caller without an OPENID, is sent to a person ('review') rather
 * than lost or waved through.
 */
export function wechatContentCheck(security: SecurityApi): ContentCheck {
  return {
    async check(text, openid) {
      if (!openid) return 'review'
      const response = await security.msgSecCheck({ openid, scene: SCENE_FORUM, version: 2, content: text })
      const suggest = response.result?.suggest
      return suggest === 'pass' || suggest === 'risky' ? suggest : 'review'
    },
  }
}
