export function findPostgres(): string | null
export function startCluster(bin: string, options?: { maxConnections?: number }): Promise<{ url: string; port: number; stop(): void }>
