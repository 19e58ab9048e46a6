import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Taro from '@tarojs/taro'
import { ensurePrivacyAgreed, PRIVACY_USES } from '../../src/api/privacy'

/** Every source file of the mini-program. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

/** WeChat's APIs that read a person's data and need their agreement first (小程序隐私接口). */
const PRIVACY_APIS = [
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'startLocationUpdate',
  'chooseAddress',
  'getPhoneNumber',
  'getWeRunData',
  'saveImageToPhotosAlbum',
  'getClipboardData',
]

describe('privacy declarations match the code', () => {
  const calls = sources().flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return PRIVACY_APIS.filter((api) => new RegExp(`Taro\\.${api}\\(|openType=['"]${api}`).test(text)).map((api) => ({ file, api, text }))
  })

  it('every privacy API the app calls is declared, and every declaration is used', () => {
    expect([...new Set(calls.map((c) => c.api))].sort()).toEqual(PRIVACY_USES.map((u) => u.api).sort())
  })

  it.each(calls.map((c) => [c.api, c.file, c.text] as const))('%s in %s is asked for only after the person agreed', (api, _file, text) => {
    // Within the function that calls it, the agreement is awaited first.
    const at = text.search(new RegExp(`Taro\\.${api}\\(`))
    const before = text.slice(0, at)
    const functionStart = Math.max(before.lastIndexOf('async function'), before.lastIndexOf('= async ('), before.lastIndexOf('async () =>'))
    expect(functionStart).toBeGreaterThanOrEqual(0)
    expect(before.slice(functionStart)).toMatch(/await ensurePrivacyAgreed\(\)/)
  })
})

describe('ensurePrivacyAgreed in the browser', () => {
  const showModal = jest.fn()
  beforeAll(() => Object.assign(Taro, { showModal }))
  beforeEach(() => {
    ;(Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear()
    showModal.mockReset()
  })

  it('asks once; a yes is remembered', async () => {
    showModal.mockResolvedValue({ confirm: true })
    expect(await ensurePrivacyAgreed()).toBe(true)
    expect(await ensurePrivacyAgreed()).toBe(true)
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(showModal.mock.calls[0][0].content).toContain('照片')
  })

  it('a no collects nothing and asks again next time', async () => {
    showModal.mockResolvedValue({ confirm: false })
    expect(await ensurePrivacyAgreed()).toBe(false)
    expect(await ensurePrivacyAgreed()).toBe(false)
    expect(showModal).toHaveBeenCalledTimes(2)
  })
})
