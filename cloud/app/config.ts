import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Settings of the local host, read once from the environment. */
export interface HostConfig {
  host: string
  port: number
  databaseUrl: string
  /** Where the H5 build is served from. */
  staticDir: string
  /** Dev login (auth.devLogin, auth.devUsers) exists only when this is true. */
  devLogin: boolean
  tokenSecret: string
  /** Where uploaded attachments are kept (the local stand-in for cloud storage). */
  uploadDir: string
  tokenTtlSeconds: number
}

export const DATA_DIR = process.env.DATA_DIR ?? 'data'

export function readHostConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const production = env.NODE_ENV === 'production'
  const devLogin = env.DEV_LOGIN ? env.DEV_LOGIN === '1' : !production
  if (production && devLogin) throw new Error('DEV_LOGIN cannot be enabled when NODE_ENV=production')
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8787),
    databaseUrl: env.DATABASE_URL ?? join(DATA_DIR, 'bangban.sqlite'),
    staticDir: env.STATIC_DIR ?? join('dist', 'h5'),
    devLogin,
    uploadDir: env.UPLOAD_DIR ?? join(DATA_DIR, 'uploads'),
    tokenSecret: env.TOKEN_SECRET ?? localSecret(join(DATA_DIR, 'token-secret')),
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 12 * 3600),
  }
}

/** A random secret kept beside the local database, so tokens survive a restart. */
function localSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
