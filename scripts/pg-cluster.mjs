// A throwaway PostgreSQL cluster on loopback (Debian's postgresql): for the API suite on PostgreSQL
// and the load benchmark. Data is not synced (fsync off): it is thrown away when stopped.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The bin folder of the newest installed PostgreSQL, or null when there is none. */
export function findPostgres() {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1)
  return newest ? join(root, newest, 'bin') : null
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a cluster from `bin` on a free port; answers its URL and how to stop (and remove) it.
 * `settings` are further server settings (`{ shared_preload_libraries: 'pg_stat_statements' }`).
 */
export async function startCluster(bin, { maxConnections = 200, settings = {} } = {}) {
  const port = await freePort()
  // PostgreSQL refuses to run as root; as root (CI), the cluster belongs to the postgres user.
  const root = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'bangban-pg-'))
  chmodSync(dir, 0o777)
  const as = (command, args) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args])
  const run = (command, args) => execFileSync(...as(command, args), { stdio: ['ignore', 'ignore', 'inherit'] })
  const data = join(dir, 'data')
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
    } catch {
      // Never started: nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    // UTF8 whatever the machine's locale: under LANG=C initdb would pick SQL_ASCII, which the store refuses.
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
    const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`)
    const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=${maxConnections}${extra.join('')}`
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start'])
  } catch (error) {
    stop()
    throw error
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop }
}
