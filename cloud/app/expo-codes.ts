import type { FileLinks } from './file-links'

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
 * The printable sheet's link on the local host, signed with the same secret and lifetime as a local
 * file's link, for a subject no upload id can take (uploads are `up-…`). On CloudBase a link is a
 * fileID with no signature, and there is no sheet: null.
 */
export const printSubject = (exhibitionId: string) => `print:exhibition:${exhibitionId}`

export function printUrl(files: FileLinks, exhibitionId: string): string | null {
  const signed = files.urlFor({ id: printSubject(exhibitionId), storage: 'local', storage_key: '' })
  const query = signed.split('?')[1]
  return query ? `/print/exhibitions/${encodeURIComponent(exhibitionId)}/codes?${query}` : null
}
