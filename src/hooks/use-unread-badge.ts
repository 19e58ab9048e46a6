import Taro, { useDidShow } from '@tarojs/taro'
import { callApi } from '../api/client'

/** Where 我的 is in the tab bar: its badge counts unread messages. */
const ME_TAB = 4

/** Keeps the unread count on the 我的 tab current each time a tab page is shown. */
export function useUnreadBadge(): void {
  useDidShow(() => {
    void callApi('message.list', { limit: 1 }, { silent: true })
      .then(({ unread }) =>
        unread > 0
          ? Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) })
          : Taro.removeTabBarBadge({ index: ME_TAB }),
      )
      .catch(() => undefined)
  })
}
