// WeChat's own compiler and code-quality check (miniprogram-ci, the compiler taken from WeChat
// DevTools), offline, on the weapp build in dist/weapp (`taro build --type weapp` first).
//
// The project is opened as DevTools would open it: project.config.json at the root, whose `setting`
// (compression on) is what both the compile and the quality check read. A placeholder key and the
// default account attributes stand in for the account, so nothing asks WeChat's servers; one
// look-up of an extension white list still fails (logged, harmless).
//
// Prints a table; with --json, one JSON line { files, quality, packages } on stdout instead.
// Exits 1 on a compile error or a failed quality item.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ci from 'miniprogram-ci'

const json = process.argv.includes('--json')
const config = JSON.parse(readFileSync('project.config.json', 'utf8'))
const project = new ci.Project({
  appid: config.appid,
  type: 'miniProgram',
  projectPath: process.cwd(),
  ignores: ['node_modules/**/*'],
  privateKey: 'offline',
  attr: async () => ({ ...ci.DefaultProjectAttr }),
})

// The quiet stand-in for the console while WeChat's tools talk: they log progress and the one
// failed network look-up; only a JSON run keeps stdout for its answer.
const log = console.log
if (json) console.log = (...args) => console.error(...args)

const out = mkdtempSync(join(tmpdir(), 'bangban-wechat-'))
let status = 0
try {
  const { minified, minifyWXML, minifyWXSS, es6 } = config.setting
  const compiled = await ci.getCompiledResult(
    { project, setting: { es6, minify: minified, minifyWXML, minifyWXSS } },
    join(out, 'compiled.zip'),
  )
  const quality = await ci.checkCodeQuality(project)
  const sizes = quality.find((item) => item.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {}
  // WeChat names the main package __APP__ (or the root) and each subpackage by its root.
  const packages = Object.entries(sizes.packageSizeInfo ?? sizes).map(([name, bytes]) => ({ name, bytes }))
  const failed = quality.filter((item) => !item.success)
  if (failed.length) status = 1
  if (json) {
    log(
      JSON.stringify({
        files: Object.keys(compiled).length,
        quality: quality.map(({ name, success, text }) => ({ name, success, text })),
        packages,
      }),
    )
  } else {
    log(`WeChat compiled ${Object.keys(compiled).length} files.`)
    for (const item of quality) log(`${item.success ? 'ok  ' : 'FAIL'} ${item.name}${item.success ? '' : `: ${item.text}`}`)
    for (const p of packages) log(`     ${p.name.padEnd(16)} ${(p.bytes / 1024).toFixed(1)} KB (as WeChat counts it)`)
  }
} catch (error) {
  console.error('WeChat could not compile the build:', error)
  status = 1
} finally {
  rmSync(out, { recursive: true, force: true })
}
// The quality check leaves a file watcher running; the answer is in, so stop here.
process.exit(status)
