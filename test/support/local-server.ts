import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface LocalServer {
  base: string
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  post(action: string, payload: unknown, token?: string): Promise<{ status: number; body: any }>
  /** A crash: SIGKILL, no shutdown hooks; resolves once the process is gone. */
  kill(): Promise<void>
  /** A clean stop (SIGTERM), as Ctrl-C would. */
  stop(): Promise<void>
  process: ChildProcess
}

/**
 * The local host as `npm start` runs it (cloud/server/main.ts, without the H5 build), in a child
 * process of its own: one node process, so that a SIGKILL hits the server itself. Resolves once
 * /api/health answers, polling, since a shared machine may take a while to start it.
 */
export async function startLocalServer(env: Record<string, string>, { readyTimeoutMs = 120_000 } = {}): Promise<LocalServer> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEV_LOGIN: '1',
      SWEEP_INTERVAL_MS: '0',
      STATIC_DIR: join(ROOT, 'no-h5-build'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let gone = false
  void exited.then(() => (gone = true))

  const server: LocalServer = {
    base,
    process: child,
    output: () => output,
    async post(action, payload, token) {
      const response = await fetch(`${base}/api/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(payload),
      })
      return { status: response.status, body: await response.json() }
    },
    async kill() {
      if (!gone) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (!gone) child.kill('SIGTERM')
      await exited
    },
  }

  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (gone) throw new Error(`the local server exited before it was ready:\n${output.slice(-3000)}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.kill()
      throw new Error(`the local server was not ready within ${readyTimeoutMs} ms:\n${output.slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Signs in a seeded user through dev login, as the H5 login page does. */
export async function devLogin(server: LocalServer, userId: string): Promise<string> {
  const { status, body } = await server.post('auth.devLogin', { userId })
  if (status !== 200) throw new Error(`dev login of ${userId}: ${status} ${JSON.stringify(body)}`)
  return body.data.token as string
}
