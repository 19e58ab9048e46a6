import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** WeChat refuses a main package over 2 MB; this project holds itself to a stricter gate. */
export const MAIN_PACKAGE_BUDGET_KB = 1200

export interface PackageSize {
  name: string
  bytes: number
  /** The largest files, to say where the weight is. */
  largest: { file: string; bytes: number }[]
}

function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    const stat = statSync(path)
    return stat.isDirectory() ? files(path) : [{ path, bytes: stat.size }]
  })
}

/**
 * Sizes of a weapp build: the main package (everything outside subpackage roots, as WeChat counts
 * it, less project.config.json which is not uploaded as code) and each subpackage.
 */
export function weappPackageSizes(distDir: string): PackageSize[] {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const all = weappFiles(distDir)
  const summarise = (name: string, list: typeof all): PackageSize => ({
    name,
    bytes: list.reduce((sum, f) => sum + f.bytes, 0),
    largest: [...list].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  })
  const inRoot = (file: string, root: string) => file === root || file.startsWith(`${root}/`)
  return [
    summarise(
      'main',
      all.filter((f) => !roots.some((r) => inRoot(f.file, r))),
    ),
    ...roots.map((root) =>
      summarise(
        root,
        all.filter((f) => inRoot(f.file, root)),
      ),
    ),
  ]
}

/** Every file WeChat uploads as code, by its path in the build. */
export function weappFiles(distDir: string): { file: string; bytes: number }[] {
  return files(distDir)
    .map((f) => ({ file: relative(distDir, f.path), bytes: f.bytes }))
    .filter((f) => !f.file.endsWith('.map') && !f.file.endsWith('LICENSE.txt') && f.file !== 'project.config.json')
}

/**
 * What Taro's weapp build puts in each shared chunk (its splitChunks: taro > vendors > common),
 * to say what a large file is made of.
 */
const CHUNK_ROLES: Record<string, string> = {
  'taro.js': 'every @tarojs/* module: the runtime DOM, the Taro API, the React bindings',
  'vendors.js': 'node_modules used by 2+ pages: React, NutUI components, dayjs',
  'common.js': 'our src modules used by 2+ pages: API client, hooks, components',
  'app.js': "the app entry and what only it uses: React's reconciler and scheduler",
  'base.wxml': "Taro's templates for every component the pages use",
  'common.wxss': 'styles used by 2+ pages: NutUI components, our theme',
  'app.wxss': 'global styles',
  'runtime.js': "webpack's chunk loader",
}

export function chunkRole(file: string): string {
  if (CHUNK_ROLES[file]) return CHUNK_ROLES[file]
  if (file.startsWith('pages/')) return `one page's own ${file.split('.').pop()}`
  if (file.startsWith('assets/')) return 'image'
  return ''
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
