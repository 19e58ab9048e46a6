import Taro, { useRouter } from '@tarojs/taro'
import { sceneFromOptions } from '../../../cloud/domain/expo-scene'

/**
 * The scene a code opened this page with: in the page's options (a wxacode puts it there, URL-
 * encoded; the H5 link has it in the query), else in the launch options when WeChat started the
 * mini-program from the code.
 */
export function useScene(): string {
  const { params } = useRouter()
  const fromPage = sceneFromOptions(params)
  if (fromPage || process.env.TARO_ENV !== 'weapp') return fromPage
  return sceneFromOptions(Taro.getLaunchOptionsSync().query as Record<string, string>)
}
