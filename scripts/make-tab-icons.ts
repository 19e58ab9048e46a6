// Draws the tab-bar icons (81×81 PNG, grey and selected blue) from the SVG paths below, with
// Debian's Chromium. Run it after changing an icon: `npx tsx scripts/make-tab-icons.ts`.
import { chromium } from 'playwright-core'

const ICONS: Record<string, string> = {
  home: '<path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z"/>',
  appeals: '<path d="M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z"/><path d="M8 9h8M8 13h5"/>',
  policies: '<path d="M6 2h9l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z"/><path d="M14 2v6h6M9 13h7M9 17h7"/>',
  visits: '<path d="M12 22s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z"/><circle cx="12" cy="10" r="2.5"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8"/>',
}
const COLORS = { '': '#86909c', '-active': '#1f5fd6' }

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox'],
  })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, paths] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="-2 -2 28 28" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`
      await page.setContent(`<body style="margin:0;background:transparent">${svg}</body>`)
      await page.screenshot({ path: `src/assets/tab/${name}${suffix}.png`, omitBackground: true })
    }
  }
  await browser.close()
}

void main()
