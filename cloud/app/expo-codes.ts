import type { FileLinks } from '../actions/ports'

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
