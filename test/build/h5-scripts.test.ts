import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Script } from 'node:vm'

/**
 * The browser build is minified after webpack has bundled it; a minifier that writes a construct
 * back wrongly (as it once wrote a private field `#t` as `#"t"`) leaves a chunk no browser can
 * parse, and every page that loads the chunk stays blank. Each emitted script must compile.
 */
describe('H5 production build', () => {
  const dir = join('dist', 'h5', 'js')
  const scripts = readdirSync(dir).filter((name) => name.endsWith('.js'))

  it('emits scripts', () => {
    expect(scripts.length).toBeGreaterThan(10)
  })

  it.each(scripts)('%s parses', (name) => {
    expect(() => new Script(readFileSync(join(dir, name), 'utf8'), { filename: name })).not.toThrow()
  })
})
