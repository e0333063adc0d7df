/**
 * Tests live in test/, mirroring the source tree. Two projects in one run:
 *  - node: everything under test/ except test/miniprogram (shared/, server, cloud functions);
 *  - miniprogram: page and client tests under test/miniprogram in jsdom with miniprogram-simulate
 *    (a file may opt into node with a `@jest-environment node` docblock, as the compile check does).
 * TZ is fixed here (it reaches every worker) and in test/global-setup.js.
 */
process.env.TZ = 'Asia/Shanghai';

const globalSetup = '<rootDir>/test/global-setup.js';

/** @type {import('jest').Config} */
module.exports = {
  collectCoverageFrom: ['shared/**/*.ts', 'backend/**/*.ts', 'server/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  // backend/ and server/ at what test/backend + test/server alone reached on 2026-12-06 (lines 95.3 % / 95.2 %,
  // branches 77.1 % / 78.8 %), rounded down: the whole suite covers more.
  coverageThreshold: {
    './shared/': { lines: 90 },
    './backend/': { lines: 93, branches: 75 },
    './server/': { lines: 93, branches: 75 },
  },
  coveragePathIgnorePatterns: ['/node_modules/', '/miniprogram_npm/'],
  // At least 10× what a test takes here on a loaded 2-core machine: timed with --maxWorkers=1 at a load average of
  // 21 (7 Dec 2026), the slowest tests without a limit of their own took 21–26 s; the few slower ones set theirs.
  // Top level only: jest 30 reads testTimeout from the global config and ignores it inside `projects` (every test
  // had the 5 s default).
  testTimeout: 300_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/miniprogram/'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
      globalSetup,
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      testMatch: ['**/*.test.ts'],
      // ts before js: a stale .js beside a page's .ts must never win.
      moduleFileExtensions: ['ts', 'js', 'json'],
      // TDesign imports tslib, dayjs… by bare name from its own miniprogram_npm/.
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
      // Tests and pages share the bundles the mini program ships (built by `npm run build` from shared/bundles/).
      moduleNameMapper: {
        '^gongkai-core$': '<rootDir>/miniprogram/miniprogram_npm/gongkai-core/index.js',
        '^gongkai-staff$': '<rootDir>/miniprogram/staff/miniprogram_npm/gongkai-staff/index.js',
      },
      // One entry for .ts and .js: TDesign's JS is ESM. The core bundles are CJS already.
      transform: { '^.+\\.[jt]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
      transformIgnorePatterns: ['/node_modules/', '/miniprogram_npm/gongkai-(core|staff)/'],
      globalSetup,
    },
  ],
};
