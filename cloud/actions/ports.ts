/**
 * The outside services the actions use, as interfaces. Each host provides them: the local host with
 * stand-ins (cloud/app, cloud/server), CloudBase with WeChat's own (cloud/cloudbase).
 */

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/**
 * User-generated text is checked before it is saved: on CloudBase by WeChat's msgSecCheck,
 * locally by a configurable stand-in. 'review' is saved and flagged for a person; 'risky' is refused.
 */
export interface ContentCheck {
  check(text: string, openid: string | null): Promise<'pass' | 'review' | 'risky'>
}

/** Where the app fetches an attachment from. */
export interface FileLinks {
  urlFor(upload: { id: string; storage: string; storage_key: string }): string
}

/** Where uploaded files are kept, so that deleting an account can remove its files too. */
export interface FileStore {
  remove(files: { storage: string; storage_key: string }[]): Promise<void>
}

/**
 * How a host makes the picture of an exhibition code. On CloudBase it is a mini-program code from
 * wxacode.getUnlimited, kept in cloud storage (its fileID); the local host has none here and draws
 * QR codes of the H5 link on the printable sheet instead.
 */
export interface CodeImages {
  /** `page` is the page the code opens: the exhibition's landing page unless told (an enterprise's check-in code). */
  image(scene: string, page?: string): Promise<string>
}

/**
 * Signed, expiring session tokens for the local host (HS256). On CloudBase there are none:
 * identity comes from the OPENID WeChat attaches to every call.
 */
export interface TokenService {
  issue(userId: string): Promise<{ token: string; expiresAt: number }>
  /** The user id, or null when the token is forged, malformed or expired. */
  verify(token: string): Promise<string | null>
}

/**
 * 上报 links: what a county office answers an escalated appeal through, without an account. Each
 * names one escalation of one appeal and expires. A host without a secret for them has none.
 */
export interface CountyLinks {
  sign(escalation: { id: string; appealId: string; expiresAt: number }): { token: string; url: string }
  /**
   * The escalation a well-formed, unexpired token claims, and whether it was signed for a given
   * appeal (the escalation's own): null when malformed or expired.
   */
  read(token: string): { id: string; expiresAt: number; signedFor(appealId: string): boolean } | null
}
