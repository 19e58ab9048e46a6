/**
 * What an exhibition QR code carries (展会扫码). WeChat's wxacode.getUnlimited takes a `scene` of at
 * most 32 characters from a fixed set, so a code carries no ids or names, only a kind letter and a
 * short random code looked up in the store: `e.k7m2p9qx` is an exhibition's entrance, `b.…` a booth.
 * Pure and free of Node modules: the landing page uses it too, to tell a malformed scene at once.
 */

/** What WeChat allows in a scene: 0-9 a-z A-Z and !#$&'()*+,/:;=?@-._~ */
export const SCENE_PATTERN = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]*$/
export const SCENE_MAX_LENGTH = 32

/** Lower-case letters and digits without the look-alikes (0 o 1 l i), in case one is read aloud. */
export const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
export const CODE_LENGTH = 8
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

export type ExpoSceneKind = 'exhibition' | 'booth'
export interface ExpoScene {
  kind: ExpoSceneKind
  code: string
}

const PREFIX: Record<ExpoSceneKind, string> = { exhibition: 'e', booth: 'b' }
const KIND_OF: Record<string, ExpoSceneKind> = { e: 'exhibition', b: 'booth' }

export function isSceneCode(code: string): boolean {
  return CODE_PATTERN.test(code)
}

/** Whether WeChat would accept this as a scene. */
export function isValidScene(scene: string): boolean {
  return scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_PATTERN.test(scene)
}

export function encodeScene(scene: ExpoScene): string {
  if (!isSceneCode(scene.code)) throw new Error(`not a scene code: ${scene.code}`)
  return `${PREFIX[scene.kind]}.${scene.code}`
}

/** A scene as it was decoded, or null when it is not one of ours (a typo, a code of another kind, junk). */
export function parseScene(raw: string): ExpoScene | null {
  if (!isValidScene(raw)) return null
  const match = /^([a-z])\.([0-9a-z]+)$/.exec(raw)
  if (!match || !KIND_OF[match[1]] || !isSceneCode(match[2])) return null
  return { kind: KIND_OF[match[1]], code: match[2] }
}

/**
 * The scene from a page's options: WeChat hands `scene` URL-encoded (from a code, in the launch or
 * page options), the H5 build has it in the query. A broken %-sequence is kept as it is, and then
 * fails parseScene rather than throwing.
 */
export function sceneFromOptions(options: Record<string, string | undefined> | undefined): string {
  const raw = options?.scene ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A fresh code from random bytes (the caller's source: node:crypto on the server). */
export function newSceneCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(CODE_LENGTH)
  // 31 letters: the modulo bias over 256 is small and a code needs only to be unguessable, not uniform.
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

/** The landing page, as a mini-program path (the page a wxacode opens) and as the H5 route. */
export const LANDING_PAGE = 'pages/expo/index'
export const landingPath = (scene: string) => `/${LANDING_PAGE}?scene=${encodeURIComponent(scene)}`
export const landingUrl = (origin: string, scene: string) => `${origin.replace(/\/$/, '')}/#${landingPath(scene)}`
