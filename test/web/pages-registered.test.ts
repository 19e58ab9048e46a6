import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const SRC = join(__dirname, '../../src')

/** Every page folder, as the package it lives in and its path inside it. */
function pageFolders(): { root: string; page: string }[] {
  const roots = ['', ...readdirSync(SRC).filter((name) => name.startsWith('package'))]
  return roots.flatMap((root) => {
    const pages = join(SRC, root, 'pages')
    if (!existsSync(pages)) return []
    return readdirSync(pages)
      .filter((name) => existsSync(join(pages, name, 'index.tsx')))
      .map((name) => ({ root, page: `pages/${name}/index` }))
  })
}

/** The block of app.config.ts that lists a package's pages (the main package's before subPackages). */
function block(config: string, root: string): string {
  if (!root) return config.slice(0, config.indexOf('subPackages'))
  const start = config.indexOf(`root: '${root}'`)
  return start < 0 ? '' : config.slice(start, config.indexOf(']', config.indexOf('pages:', start)))
}

describe('pages on disk are pages of the app', () => {
  const config = readFileSync(join(SRC, 'app.config.ts'), 'utf8')
  it.each(pageFolders().map((p) => [p.root || '(main)', p.page, p.root] as const))(
    '%s/%s is registered in app.config.ts',
    (_, page, root) => {
      // A page left out of app.config.ts builds, but navigating to it fails on WeChat and in the browser.
      expect(block(config, root)).toContain(`'${page}'`)
    },
  )
})
