import { randomBytes } from 'node:crypto'
import { exhibitionPhase, scanDay, scanHour } from '../../cloud/domain/expo'
import {
  CODE_ALPHABET,
  encodeScene,
  isValidScene,
  landingPath,
  landingUrl,
  newSceneCode,
  parseScene,
  SCENE_MAX_LENGTH,
  SCENE_PATTERN,
  sceneFromOptions,
} from '../../cloud/domain/expo-scene'

/** What WeChat documents for wxacode.getUnlimited's scene, written out rather than imported. */
const WECHAT_ALLOWED = new Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$&'()*+,/:;=?@-._~")

describe('展会扫码 scene codec', () => {
  const code = () => newSceneCode((n) => randomBytes(n))

  it('round-trips entrance and booth scenes', () => {
    for (let i = 0; i < 500; i++) {
      for (const kind of ['exhibition', 'booth'] as const) {
        const scene = { kind, code: code() }
        expect(parseScene(encodeScene(scene))).toEqual(scene)
      }
    }
  })

  it('stays within WeChat’s 32 characters and allowed alphabet', () => {
    for (let i = 0; i < 500; i++) {
      const scene = encodeScene({ kind: i % 2 ? 'booth' : 'exhibition', code: code() })
      expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
      expect([...scene].every((c) => WECHAT_ALLOWED.has(c))).toBe(true)
      expect(isValidScene(scene)).toBe(true)
    }
    // Our pattern accepts exactly WeChat's set, no more.
    for (let c = 32; c < 127; c++) expect(SCENE_PATTERN.test(String.fromCharCode(c))).toBe(WECHAT_ALLOWED.has(String.fromCharCode(c)))
    expect(SCENE_PATTERN.test('展')).toBe(false)
  })

  it('codes use only unambiguous lower-case letters and digits', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ilo]/)
    expect(code()).toMatch(/^[2-9a-hjkmnp-z]{8}$/)
    expect(() => encodeScene({ kind: 'booth', code: 'ABC' })).toThrow()
  })

  it.each([
    ['', 'empty'],
    ['b.', 'no code'],
    ['b.k7m2p9q', 'code too short'],
    ['b.k7m2p9qxx', 'code too long'],
    ['b.K7M2P9QX', 'upper case'],
    ['b.k7m2p9q0', 'a look-alike digit'],
    ['x.k7m2p9qx', 'unknown kind'],
    ['bk7m2p9qx', 'no separator'],
    ['b.k7m2p9qx ', 'trailing space'],
    ['b.展位k7m2p9', 'not WeChat’s alphabet'],
    [`b.${'k'.repeat(40)}`, 'over 32 characters'],
    ['e=1&b=2', 'someone else’s scene'],
  ])('a malformed scene (%s: %s) parses to null', (raw) => {
    expect(parseScene(raw)).toBeNull()
  })

  it('reads the scene from WeChat’s URL-encoded options and the H5 query, never throwing', () => {
    const scene = encodeScene({ kind: 'booth', code: 'k7m2p9qx' })
    expect(sceneFromOptions({ scene: encodeURIComponent(scene) })).toBe(scene)
    expect(sceneFromOptions({ scene })).toBe(scene)
    expect(sceneFromOptions({ scene: 'b%2' })).toBe('b%2')
    expect(parseScene(sceneFromOptions({ scene: '%E0%A4%A' }))).toBeNull()
    expect(sceneFromOptions(undefined)).toBe('')
    expect(sceneFromOptions({})).toBe('')
  })

  it('builds the landing page path and H5 URL with the scene', () => {
    expect(landingPath('b.k7m2p9qx')).toBe('/pages/expo/index?scene=b.k7m2p9qx')
    expect(landingUrl('http://127.0.0.1:8787/', 'b.k7m2p9qx')).toBe('http://127.0.0.1:8787/#/pages/expo/index?scene=b.k7m2p9qx')
  })
})

describe('展会 phases and scan buckets', () => {
  const expo = { startsOn: '2026-10-28', endsOn: '2026-10-30' }

  it('is upcoming, open, ended, then expired 30 days after the last day', () => {
    expect(exhibitionPhase(expo, '2026-10-27')).toBe('upcoming')
    expect(exhibitionPhase(expo, '2026-10-28')).toBe('open')
    expect(exhibitionPhase(expo, '2026-10-30')).toBe('open')
    expect(exhibitionPhase(expo, '2026-10-31')).toBe('ended')
    expect(exhibitionPhase(expo, '2026-11-29')).toBe('ended')
    expect(exhibitionPhase(expo, '2026-11-30')).toBe('expired')
  })

  it('counts a scan on its Beijing day and hour', () => {
    const lateEvening = new Date('2026-10-28T23:59:00+08:00').getTime()
    expect(scanDay(lateEvening)).toBe('2026-10-28')
    expect(scanDay(lateEvening + 60_000)).toBe('2026-10-29')
    expect(scanHour(lateEvening)).toBe(new Date('2026-10-28T23:00:00+08:00').getTime())
  })
})
