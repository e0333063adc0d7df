/** Tests live in test/, mirroring the source tree. TZ is fixed in test/global-setup.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  globalSetup: '<rootDir>/test/global-setup.js',
  collectCoverageFrom: ['shared/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { './shared/': { lines: 90 } },
};
