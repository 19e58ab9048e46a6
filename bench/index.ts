import { execFileSync } from 'node:child_process'
import { kb, MAIN_PACKAGE_BUDGET_KB, weappPackageSizes } from './package-sizes'

/**
 * `npm run bench`: figures, printed, never asserted as timings. Today: the size of each package of
 * a production weapp build. Later benchmarks add their sections here.
 */
function packageSizes(): void {
  console.log('== weapp production build: package sizes ==')
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  const sizes = weappPackageSizes('dist/weapp')
  for (const pkg of sizes) {
    console.log(`${pkg.name.padEnd(16)} ${String(kb(pkg.bytes)).padStart(8)} KB`)
    for (const f of pkg.largest) console.log(`    ${f.file.padEnd(44)} ${String(kb(f.bytes)).padStart(8)} KB`)
  }
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0)
  console.log(`${'total'.padEnd(16)} ${String(kb(total)).padStart(8)} KB`)
  console.log(`main package budget: ${MAIN_PACKAGE_BUDGET_KB} KB (WeChat's limit: 2048 KB)`)
}

packageSizes()
