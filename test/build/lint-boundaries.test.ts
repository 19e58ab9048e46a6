import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * The architecture's import boundaries are ESLint rules (eslint.config.mjs). Each case plants a file
 * that breaks one, in the folder it names, and expects the repository's own configuration to report
 * it with the rule that enforces it; the clean cases show that the allowed imports pass. Planted
 * files are linted as text (ESLint's lintText): none is written into the tree.
 */
const root = resolve(__dirname, '../..')
const PATHS = 'import-x/no-restricted-paths'
const IMPORTS = '@typescript-eslint/no-restricted-imports'

interface Plant {
  /** Where the file would be, from the repository's root. */
  path: string
  code: string
  /** The rules expected to fire, one entry a message. */
  rules: string[]
}

const use = (name: string) => `void ${name}\n`

const PLANTS: Record<string, Plant> = {
  'src/ importing cloud/store': {
    path: 'src/pages/home/planted.tsx',
    code: "import { findAppealById } from '../../../cloud/store/repositories/appeals'\n" + use('findAppealById'),
    rules: [PATHS],
  },
  'src/ importing cloud/app': {
    path: 'src/pages/home/planted.tsx',
    code: "import { dispatch } from '../../../cloud/app/router'\n" + use('dispatch'),
    rules: [PATHS],
  },
  "src/ importing a value from the contract's index (every area at once)": {
    path: 'src/pages/home/planted.tsx',
    code: "import { actions } from '../../../cloud/contract'\n" + use('actions'),
    rules: [IMPORTS],
  },
  "src/ importing a value from the contract's index by its file name": {
    path: 'src/pages/home/planted.tsx',
    code: "import { actions } from '../../../cloud/contract/index'\n" + use('actions'),
    rules: [IMPORTS],
  },
  'src/ importing node:fs': {
    path: 'src/pages/home/planted.tsx',
    code: "import { readFileSync } from 'node:fs'\n" + use('readFileSync'),
    rules: [IMPORTS],
  },
  'src/ importing kysely': { path: 'src/api/planted.ts', code: "import { sql } from 'kysely'\n" + use('sql'), rules: [IMPORTS] },

  'cloud/domain importing kysely': {
    path: 'cloud/domain/planted.ts',
    code: "import { sql } from 'kysely'\n" + use('sql'),
    rules: [IMPORTS],
  },
  'cloud/domain importing node:fs': {
    path: 'cloud/domain/planted.ts',
    code: "import { readFileSync } from 'node:fs'\n" + use('readFileSync'),
    rules: [IMPORTS],
  },
  'cloud/domain importing crypto (no node: prefix)': {
    path: 'cloud/domain/planted.ts',
    code: "import { randomUUID } from 'crypto'\n" + use('randomUUID'),
    rules: [IMPORTS],
  },
  'cloud/domain importing fastify': {
    path: 'cloud/domain/planted.ts',
    code: "import Fastify from 'fastify'\n" + use('Fastify'),
    rules: [IMPORTS],
  },
  'cloud/domain importing zod': { path: 'cloud/domain/planted.ts', code: "import { z } from 'zod'\n" + use('z'), rules: [IMPORTS] },
  'cloud/domain importing cloud/store': {
    path: 'cloud/domain/planted.ts',
    code: "import { findAppealById } from '../store/repositories/appeals'\n" + use('findAppealById'),
    rules: [PATHS],
  },
  'cloud/domain importing a type from cloud/contract': {
    path: 'cloud/domain/appeal/planted.ts',
    code: "import type { ActionName } from '../../contract'\nexport type A = ActionName\n",
    rules: [PATHS],
  },

  'cloud/actions importing kysely': {
    path: 'cloud/actions/appeal/planted.ts',
    code: "import { sql } from 'kysely'\n" + use('sql'),
    rules: [IMPORTS],
  },
  'cloud/workflows importing a type from kysely': {
    path: 'cloud/workflows/planted.ts',
    code: "import type { Kysely } from 'kysely'\nexport type K = Kysely<object>\n",
    rules: [IMPORTS],
  },
  'cloud/app importing pg': { path: 'cloud/app/planted.ts', code: "import { Pool } from 'pg'\n" + use('Pool'), rules: [IMPORTS] },
  'cloud/server importing better-sqlite3': {
    path: 'cloud/server/planted.ts',
    code: "import Database from 'better-sqlite3'\n" + use('Database'),
    rules: [IMPORTS],
  },
  'config/ importing kysely': { path: 'config/planted.ts', code: "import { sql } from 'kysely'\n" + use('sql'), rules: [IMPORTS] },

  'cloud/contract importing cloud/store': {
    path: 'cloud/contract/planted.ts',
    code: "import { findAppealById } from '../store/repositories/appeals'\n" + use('findAppealById'),
    rules: [PATHS],
  },
  'cloud/contract importing dayjs': {
    path: 'cloud/contract/planted.ts',
    code: "import dayjs from 'dayjs'\n" + use('dayjs'),
    rules: [IMPORTS],
  },

  'a hook called conditionally': {
    path: 'src/components/planted.tsx',
    code: "import { useState } from 'react'\nexport function Planted({ on }: { on: boolean }) {\n  if (on) useState(0)\n  return null\n}\n",
    rules: ['react-hooks/rules-of-hooks'],
  },
  'an effect missing what it reads': {
    path: 'src/components/planted.tsx',
    code: "import { useEffect } from 'react'\nexport function Planted({ id }: { id: string }) {\n  useEffect(() => console.log(id), [])\n  return null\n}\n",
    rules: ['react-hooks/exhaustive-deps'],
  },

  // What is allowed passes.
  'clean: a page with React, dayjs, contract types and domain values': {
    path: 'src/pages/home/planted.tsx',
    code: [
      "import { useEffect, useState } from 'react'",
      "import dayjs from 'dayjs'",
      "import type { AppealSummary } from '../../../cloud/contract'",
      "import { ROLE_LABELS } from '../../../cloud/domain/roles'",
      "import { callApi } from '../../api/client'",
      'export function Planted({ id }: { id: string }) {',
      '  const [appeals, setAppeals] = useState<AppealSummary[]>([])',
      "  useEffect(() => void callApi('appeal.list', { id } as never).then((a) => setAppeals(a as never)), [id])",
      '  return `${dayjs().year()} ${ROLE_LABELS.owner} ${appeals.length}`',
      '}',
      '',
    ].join('\n'),
    rules: [],
  },
  "clean: a form checked with one area's schema from the contract": {
    path: 'src/pages/home/planted.tsx',
    code: "import { createAppealInput } from '../../../cloud/contract/appeal'\nexport const planted = createAppealInput.safeParse({})\n",
    rules: [],
  },
  'clean: a domain rule with dayjs, chinese-days and the domain': {
    path: 'cloud/domain/planted.ts',
    code: "import dayjs from 'dayjs'\nimport { isHoliday } from 'chinese-days'\nimport { ZONE } from './clock'\nexport const planted = [dayjs, isHoliday, ZONE]\n",
    rules: [],
  },
  'clean: a contract with zod, the domain and its fields': {
    path: 'cloud/contract/planted.ts',
    code: "import { z } from 'zod'\nimport { ROLES } from '../domain/roles'\nimport { day } from './fields'\nexport const planted = z.object({ role: z.enum(ROLES), on: day('日期') })\n",
    rules: [],
  },
  'clean: a repository with kysely and pg': {
    path: 'cloud/store/repositories/planted.ts',
    code: "import { sql } from 'kysely'\nimport { Pool } from 'pg'\nexport const planted = [sql, Pool]\n",
    rules: [],
  },
  'clean: a script with better-sqlite3': {
    path: 'scripts/planted.ts',
    code: "import Database from 'better-sqlite3'\nexport const planted = Database\n",
    rules: [],
  },
}

interface LintJob {
  cwd: string
  /** Lint these texts as if they were the files at these paths... */
  texts?: { filePath: string; code: string }[]
  /** ...or these files and folders on disk, with the repository's configuration. */
  files?: string[]
}

/**
 * Runs ESLint's Node API in a plain Node process: ESLint loads eslint.config.mjs with a dynamic
 * import, which Jest's module sandbox does not allow. Answers, per text or per file, the rules that
 * fired (a parse error has none and is named, so that a broken plant cannot pass as clean).
 */
function lint(job: LintJob): { filePath: string; rules: string[] }[] {
  const script = `
    const { ESLint } = require('eslint')
    const job = JSON.parse(require('node:fs').readFileSync(0, 'utf8'))
    const eslint = new ESLint({ cwd: job.cwd, overrideConfigFile: ${JSON.stringify(join(root, 'eslint.config.mjs'))} })
    const report = (r) => ({ filePath: r.filePath, rules: r.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message) })
    ;(async () => {
      const results = []
      for (const t of job.texts ?? []) results.push(...(await eslint.lintText(t.code, { filePath: t.filePath })))
      if (job.files) results.push(...(await eslint.lintFiles(job.files)))
      process.stdout.write(JSON.stringify(results.map(report)))
    })().catch((e) => { console.error(e); process.exit(1) })
  `
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(job), encoding: 'utf8' }))
}

describe('lint: the import boundaries', () => {
  const names = Object.keys(PLANTS)
  let fired: Record<string, string[]>
  beforeAll(() => {
    const results = lint({ cwd: root, texts: names.map((n) => ({ filePath: join(root, PLANTS[n].path), code: PLANTS[n].code })) })
    fired = Object.fromEntries(names.map((n, i) => [n, results[i].rules]))
  }, 60_000)

  it.each(names)('%s', (name) => {
    expect(fired[name]).toEqual(PLANTS[name].rules)
  })
})

describe('lint: no import cycles', () => {
  // The rule follows imports through files on disk, so these live in a scratch folder laid out like
  // the repository and are linted with the repository's configuration.
  let scratch: string
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'bangban-lint-'))
    mkdirSync(join(scratch, 'cloud/domain'), { recursive: true })
    writeFileSync(join(scratch, 'cloud/domain/a.ts'), "import { b } from './b'\nexport const a = (): unknown => b\n")
    writeFileSync(join(scratch, 'cloud/domain/b.ts'), "import { a } from './a'\nexport const b = (): unknown => a\n")
    // Types alone are erased: importing them back is no cycle at run time.
    writeFileSync(join(scratch, 'cloud/domain/c.ts'), "import type { a } from './a'\nexport type C = typeof a\n")
  })
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('reports a cycle in cloud/, and not an import of types alone', () => {
    const results = lint({ cwd: scratch, files: ['cloud'] })
    const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(scratch.length + 1), r.rules]))
    expect(byFile).toEqual({
      'cloud/domain/a.ts': ['import-x/no-cycle'],
      'cloud/domain/b.ts': ['import-x/no-cycle'],
      'cloud/domain/c.ts': [],
    })
  }, 60_000)
})
