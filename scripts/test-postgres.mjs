// The API suite again, on PostgreSQL: a throwaway cluster on loopback (Debian's postgresql), one
// schema per test store, removed afterwards. Fails loudly when PostgreSQL is not installed.
import { spawnSync } from 'node:child_process'
import { findPostgres, startCluster } from './pg-cluster.mjs'

const bin = findPostgres()
if (!bin) {
  console.error('PostgreSQL is missing: run `bash scripts/ensure-system.sh` as root, or `sudo apt-get install -y postgresql`.')
  process.exit(1)
}

const cluster = await startCluster(bin)
let status = 1
try {
  console.log(`\n== the API suite and the cloud function bundle on PostgreSQL (127.0.0.1:${cluster.port}) ==`)
  const jest = spawnSync('npx', ['jest', '--selectProjects', 'cloud', 'function'], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: cluster.url },
  })
  status = jest.status ?? 1
} finally {
  cluster.stop()
}
process.exit(status)
