import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findPostgres, startCluster } from '../scripts/pg-cluster.mjs'

export type DatabaseName = 'SQLite' | 'PostgreSQL'

/**
 * Runs one bench section on a fresh SQLite file, then on a throwaway PostgreSQL cluster, each
 * removed afterwards; `only` keeps one of them, and `postgresSettings` go to the cluster. Without
 * PostgreSQL installed it says so.
 */
export async function onBothDatabases(
  label: string,
  run: (name: DatabaseName, url: string) => Promise<void>,
  only?: DatabaseName,
  postgresSettings?: Record<string, string>,
): Promise<void> {
  if (only !== 'PostgreSQL') {
    const dir = mkdtempSync(join(tmpdir(), `bangban-bench-${label}-`))
    try {
      await run('SQLite', join(dir, 'bench.sqlite'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  if (only === 'SQLite') return
  const bin = findPostgres()
  if (!bin) {
    console.log('PostgreSQL: skipped, it is not installed (bash scripts/ensure-system.sh)')
    return
  }
  const cluster = await startCluster(bin, { settings: postgresSettings })
  try {
    await run('PostgreSQL', cluster.url)
  } finally {
    cluster.stop()
  }
}
