// Five projects: the API (pure and store-backed), the mini-program client, the production builds,
// the cloud function bundle (PostgreSQL only), and end-to-end journeys in Debian's Chromium against
// the H5 build. `npm test` names the projects each run takes.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
]

// These ship only ES modules (file-type with its parsers, marked); everything else in node_modules is
// CommonJS and left as it is.
const ESM_ONLY = ['jose', 'marked', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit']
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
}

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'cloud',
      testMatch: ['<rootDir>/test/cloud/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/cloud/setup.ts'],
    },
    {
      ...base,
      displayName: 'web',
      testMatch: ['<rootDir>/test/web/**/*.test.ts'],
      moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/test/web/taro-stub.ts' },
    },
    { ...base, displayName: 'build', testMatch: ['<rootDir>/test/build/**/*.test.ts'] },
    // The cloud function as uploaded, against PostgreSQL only: npm run test:postgres runs it.
    { ...base, displayName: 'function', testMatch: ['<rootDir>/test/function/**/*.test.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts'],
    },
  ],
}
