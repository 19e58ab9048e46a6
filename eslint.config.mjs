// ESLint: the recommended sets for JavaScript, TypeScript and React hooks, plus the architecture's
// import boundaries. Formatting is Prettier's (.prettierrc.json); no rule here is about layout.
//
// The boundaries, in one place:
//   src/             imports from cloud/ only cloud/contract and cloud/domain (the schemas check forms as the API will)
//   cloud/domain/    pure rules: imports only dayjs, chinese-days and itself (no Node, no store, no contract)
//   cloud/contract/  imports only zod, itself and cloud/domain
//   kysely, pg, better-sqlite3: only in cloud/store/, scripts/, bench/ and test/
//   no import cycles in cloud/ or src/
import { builtinModules } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = dirname(fileURLToPath(import.meta.url))

const CODE = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'

/** A specifier naming one of these packages, or a module inside one. */
const packages = (...names) => `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/|$)`

const DATABASE = {
  regex: packages('kysely', 'pg', 'better-sqlite3'),
  message:
    'Only cloud/store (and scripts, bench, test) imports the database libraries: query through cloud/store/repositories, and take types such as the handle from cloud/store.',
}
const NODE = {
  regex: `^(node:|${packages(...builtinModules).slice(1)})`,
  message: 'The mini-program has no Node.js built-ins.',
}
const SERVER = {
  regex: packages('fastify', '@fastify/multipart', '@fastify/static', 'wx-server-sdk', 'jose', 'file-type', 'gray-matter'),
  message: 'Server-only package: the mini-program cannot run it.',
}
const CONTRACT_INDEX = {
  regex: '(^|/)cloud/contract(/index)?$',
  allowTypeImports: true,
  message:
    "The app takes values from one area of the contract (cloud/contract/<area>), not from its index: the index brings every area's schemas into the bundle. Types may come from anywhere.",
}
const DOMAIN_DEPENDENCIES = {
  // Anything that is not relative, dayjs or chinese-days: Node built-ins, drivers, servers, zod...
  regex: '^(?!\\.|dayjs(/|$)|chinese-days(/|$))',
  message: 'cloud/domain is pure rules: it may import only dayjs, chinese-days and other domain modules (no I/O, no Node built-ins).',
}
const CONTRACT_DEPENDENCIES = {
  regex: '^(?!\\.|zod(/|$))',
  message: 'cloud/contract may import only zod, itself and cloud/domain.',
}
const restrictImports = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] })

export default defineConfig(
  {
    ignores: ['dist/', '**/dist/', 'cloud/functions/', 'coverage/', 'test-results/', 'data/', '.swc/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { files: [CODE], ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ files: [CODE], ...config })),
  {
    files: [CODE],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The same conventions as tsc's noUnusedLocals/noUnusedParameters: a leading _ marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // React: the rules of hooks, and effects that list what they read.
  {
    files: ['src/**/*.{ts,tsx}', 'bench/bare-app/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // Import boundaries. Folder zones are resolved paths (import-x); packages are matched by specifier.
  {
    files: [CODE],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and would follow no TypeScript import (no-cycle would see nothing).
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.mjs', '.cjs', '.js', '.json'],
          tsconfig: { configFile: `${root}/tsconfig.json` },
        }),
      ],
    },
  },
  {
    files: ['cloud/**', 'src/**'],
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['src/**', 'cloud/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './src',
              from: './cloud',
              except: ['./contract', './domain'],
              message: 'The app may import from cloud/ only cloud/contract and cloud/domain.',
            },
            {
              target: './cloud/domain',
              from: './cloud',
              except: ['./domain'],
              message: 'cloud/domain is pure rules: it imports nothing from the rest of cloud/ (not even the contract).',
            },
            {
              target: './cloud/contract',
              from: './cloud',
              except: ['./contract', './domain'],
              message: 'cloud/contract may import only zod, itself and cloud/domain.',
            },
          ],
        },
      ],
    },
  },
  { files: [CODE], rules: restrictImports(DATABASE) },
  { files: ['cloud/store/**', 'scripts/**', 'bench/**', 'test/**'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  // Tests read answers loosely typed on purpose: a test's assertion says what it expects.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['src/**'], rules: restrictImports(DATABASE, NODE, SERVER, CONTRACT_INDEX) },
  { files: ['cloud/domain/**'], rules: restrictImports(DOMAIN_DEPENDENCIES) },
  { files: ['cloud/contract/**'], rules: restrictImports(CONTRACT_DEPENDENCIES) },
)
