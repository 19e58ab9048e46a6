export function findPostgres(): string | null
export function startCluster(
  bin: string,
  options?: { maxConnections?: number; settings?: Record<string, string> },
): Promise<{ url: string; port: number; stop(): void }>
