// One jest run, four projects: the API (pure and store-backed), the mini-program client, the
// production builds, and end-to-end journeys in Debian's Chromium against the H5 build.
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

// These ship only ES modules (file-type with its parsers); everything else in node_modules is
// CommonJS and left as it is.
const ESM_ONLY = ['jose', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit']
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
}

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'cloud', testMatch: ['<rootDir>/test/cloud/**/*.test.ts'] },
    {
      ...base,
      displayName: 'web',
      testMatch: ['<rootDir>/test/web/**/*.test.ts'],
      moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/test/web/taro-stub.ts' },
    },
    { ...base, displayName: 'build', testMatch: ['<rootDir>/test/build/**/*.test.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts'],
    },
  ],
}
