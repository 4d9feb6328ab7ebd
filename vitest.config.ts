import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Component tests run in Chromium under web-test-runner (web-test-runner.config.js).
    exclude: [...configDefaults.exclude, 'test/components/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    allowOnly: false,
    // Browser and server tests start real processes; two cores do not gain from more workers.
    maxWorkers: 2,
    setupFiles: ['test/helpers/fail-on-console.ts'],
    // The server bundle the process tests start (what `npm start` runs), built from the sources first.
    globalSetup: ['test/helpers/build-server-bundle.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
