// The suites that run against a live clock (the API and client suites, and the browser journeys,
// whose server and Chromium read the wall clock) once more at moved dates, to prove that nothing
// depends on the day the tests run. Debian's faketime moves the clock of the whole process tree.
//
// - 200 days from today: the seeded exhibition, visit slots and deadlines must follow the clock.
// - A Spring Festival holiday and its make-up working Saturday (调休) of a year the holiday calendar
//   covers, in Beijing's zone, with deadlines counted in working days as many towns will run them.
import { spawnSync } from 'node:child_process'

const RUNS = [
  { name: '200 days from today', time: '+200d', env: {} },
  {
    name: '2026-02-17, a Spring Festival holiday, working-day deadlines',
    time: '@2026-02-17 10:00:00',
    env: { TZ: 'Asia/Shanghai', DEADLINE_DAYS: 'working' },
  },
  {
    name: '2026-02-28, its make-up working Saturday, working-day deadlines',
    time: '@2026-02-28 10:00:00',
    env: { TZ: 'Asia/Shanghai', DEADLINE_DAYS: 'working' },
  },
]

if (spawnSync('faketime', ['-f', '+0d', 'true']).status !== 0) {
  console.error('faketime is missing: run `bash scripts/ensure-system.sh` as root, or `sudo apt-get install -y faketime`.')
  process.exit(1)
}

for (const run of RUNS) {
  console.log(`\n== the API suite and the browser journeys at a moved date: ${run.name} ==`)
  const jest = spawnSync('faketime', ['-f', run.time, 'npx', 'jest', '--selectProjects', 'cloud', 'web', 'e2e'], {
    stdio: 'inherit',
    env: { ...process.env, ...run.env },
  })
  if (jest.status !== 0) process.exit(jest.status ?? 1)
}
