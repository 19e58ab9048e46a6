// `npm start`: builds the H5 app when it is missing or older than its sources, then starts the
// local host (API + H5 on http://127.0.0.1:8787), which migrates and seeds the store on first run.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const BUILT = 'dist/h5/index.html'
const SOURCES = ['src', 'cloud/contract', 'cloud/domain', 'config', 'babel.config.js', 'package.json']

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs)
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const stale = !existsSync(BUILT) || SOURCES.some((p) => existsSync(p) && newest(p) > statSync(BUILT).mtimeMs)
if (stale) {
  console.log('正在构建 H5 应用（首次约半分钟）…')
  run('npx', ['taro', 'build', '--type', 'h5'])
}
// The demo: dev login (pick a demo person on the login page) and the demo town in an empty store.
// A production host is started without them: `npm run serve` with its own settings.
process.env.DEV_LOGIN ??= '1'
process.env.SEED_DEMO ??= '1'
run('npx', ['tsx', 'cloud/server/main.ts'])
