import { LRUCache } from 'lru-cache'
import QRCode from 'qrcode'

/**
 * QR pictures the local host draws, kept once drawn: the same link always makes the same picture,
 * so a flood of scans of one booth's code costs one drawing, not one each.
 */
const pngs = new LRUCache<string, Buffer>({ max: 2000 })
const svgs = new LRUCache<string, string>({ max: 5000 })

export async function qrPng(link: string): Promise<Buffer> {
  const cached = pngs.get(link)
  if (cached) return cached
  const png = await drawQrPng(link)
  pngs.set(link, png)
  return png
}

/** A picture drawn every time: for a code shown once and then spent, which is better not kept. */
export function drawQrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
}

export async function qrSvg(link: string): Promise<string> {
  const cached = svgs.get(link)
  if (cached) return cached
  const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  svgs.set(link, svg)
  return svg
}
