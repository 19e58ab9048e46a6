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
  const all = files(distDir)
    .map((f) => ({ file: relative(distDir, f.path), bytes: f.bytes }))
    .filter((f) => !f.file.endsWith('.map') && !f.file.endsWith('LICENSE.txt') && f.file !== 'project.config.json')
  const summarise = (name: string, list: typeof all): PackageSize => ({
    name,
    bytes: list.reduce((sum, f) => sum + f.bytes, 0),
    largest: [...list].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  })
  const inRoot = (file: string, root: string) => file === root || file.startsWith(`${root}/`)
  return [
    summarise('main', all.filter((f) => !roots.some((r) => inRoot(f.file, r)))),
    ...roots.map((root) => summarise(root, all.filter((f) => inRoot(f.file, root)))),
  ]
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
