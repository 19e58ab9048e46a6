// Bundles the cloud function from the same TypeScript sources as the local host, into
// cloud/functions/api/index.js. Only the drivers and wx-server-sdk stay outside the bundle: they are
// the dependencies named in cloud/functions/api/package.json, installed by CloudBase on upload.
import { build } from 'esbuild'

await build({
  entryPoints: ['cloud/cloudbase/main.ts'],
  outfile: 'cloud/functions/api/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Smaller to upload and faster to parse on a cold start; the source map keeps stack traces readable.
  minify: true,
  keepNames: true,
  external: ['wx-server-sdk', 'pg', 'pg-native', 'better-sqlite3'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info',
})
