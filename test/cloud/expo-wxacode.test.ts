import { wechatCodeImages, type CloudStorage, type WxacodeApi } from '../../cloud/cloudbase/wxacode'

/** The CloudBase adapter, given WeChat's inputs and outputs (no WeChat service is reachable from here). */
describe('展会扫码 wxacode adapter', () => {
  it('asks for an unlimited code of the landing page with the scene, and keeps the picture in cloud storage', async () => {
    const requests: Parameters<WxacodeApi['getUnlimited']>[0][] = []
    const uploads: string[] = []
    const api: WxacodeApi = { getUnlimited: async (request) => (requests.push(request), { buffer: Buffer.from('png') }) }
    const storage: CloudStorage = {
      uploadFile: async ({ cloudPath }) => (uploads.push(cloudPath), { fileID: `cloud://env.bucket/${cloudPath}` }),
    }
    const fileId = await wechatCodeImages(api, storage, 'formal').image('b.k7m2p9qx')
    expect(requests).toEqual([{ scene: 'b.k7m2p9qx', page: 'pages/expo/index', checkPath: false, envVersion: 'release', width: 430 }])
    expect(uploads).toEqual(['expo-codes/b-k7m2p9qx.png'])
    expect(fileId).toBe('cloud://env.bucket/expo-codes/b-k7m2p9qx.png')
    // A trial or developer build's codes open that build.
    await wechatCodeImages(api, storage, 'developer').image('b.k7m2p9qx')
    expect(requests[1].envVersion).toBe('develop')
  })

  it('fails loudly when WeChat refuses, storing nothing', async () => {
    const storage: CloudStorage = { uploadFile: jest.fn() }
    const api: WxacodeApi = { getUnlimited: async () => ({ buffer: Buffer.alloc(0), errCode: 41030, errMsg: 'invalid page' }) }
    await expect(wechatCodeImages(api, storage).image('b.k7m2p9qx')).rejects.toThrow(/41030/)
    expect(storage.uploadFile).not.toHaveBeenCalled()
  })
})
