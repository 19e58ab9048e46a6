// The API suite again, on PostgreSQL: a throwaway cluster on loopback (Debian's postgresql), one
// schema per test store, removed afterwards. Fails loudly when PostgreSQL is not installed.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) : []
const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1)
const initdb = newest && `/usr/lib/postgresql/${newest}/bin/initdb`
if (!initdb) {
  console.error('PostgreSQL is missing: run `bash scripts/ensure-system.sh` as root, or `sudo apt-get install -y postgresql`.')
  process.exit(1)
}
const bin = join(initdb, '..')

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address()
    server.close(() => resolve(port))
  })
})

// PostgreSQL refuses to run as root; as root (CI), the cluster belongs to the postgres user.
const root = process.getuid?.() === 0
const dir = mkdtempSync(join(tmpdir(), 'bangban-pg-'))
chmodSync(dir, 0o777)
const as = (command, args) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args])
const run = (command, args) => execFileSync(...as(command, args), { stdio: ['ignore', 'ignore', 'inherit'] })

const data = join(dir, 'data')
let status = 1
try {
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start'])
  console.log(`\n== the API suite on PostgreSQL (127.0.0.1:${port}) ==`)
  const jest = spawnSync('npx', ['jest', '--selectProjects', 'cloud'], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` },
  })
  status = jest.status ?? 1
} finally {
  try {
    run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
  } catch {
    // Never started: nothing to stop.
  }
  rmSync(dir, { recursive: true, force: true })
}
process.exit(status)
