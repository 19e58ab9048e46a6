import { CodeImages } from '../actions/ports'
import { LANDING_PAGE } from '../domain/expo-scene'

/** The part of wx-server-sdk's openapi that makes unlimited mini-program codes. */
export interface WxacodeApi {
  getUnlimited(request: {
    scene: string
    page: string
    checkPath: boolean
    envVersion: string
    width: number
  }): Promise<{ buffer: Buffer; errCode?: number; errMsg?: string }>
}

/** The part of wx-server-sdk that writes to cloud storage. */
export interface CloudStorage {
  uploadFile(request: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

/** Where each page's codes are kept in cloud storage. */
const FOLDERS: Record<string, string> = {
  [LANDING_PAGE]: 'expo-codes',
  'pages/join/index': 'invite-codes',
  'pages/bind/index': 'bind-codes',
}

/**
 * Codes from wxacode.getUnlimited (the function's config.json grants it): the scene, opening the
 * landing page. The picture is kept in cloud storage under the scene, so making it again replaces it.
 * checkPath is off so codes can be printed before the page is released.
 */
export function wechatCodeImages(
  api: WxacodeApi,
  storage: CloudStorage,
  miniprogramState: 'formal' | 'trial' | 'developer' = 'formal',
): CodeImages {
  // The version of the mini-program a scanned code opens: the released one, the trial, or the developer's.
  const envVersion = { formal: 'release', trial: 'trial', developer: 'develop' }[miniprogramState]
  return {
    async image(scene, page = LANDING_PAGE) {
      const reply = await api.getUnlimited({ scene, page, checkPath: false, envVersion, width: 430 })
      if (reply.errCode) throw new Error(`wxacode.getUnlimited ${reply.errCode} ${reply.errMsg ?? ''}`)
      const folder = FOLDERS[page] ?? 'checkin-codes'
      const { fileID } = await storage.uploadFile({ cloudPath: `${folder}/${scene.replace(/\./g, '-')}.png`, fileContent: reply.buffer })
      return fileID
    },
  }
}
