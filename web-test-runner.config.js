// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { jixiaoServer } from './test/components/helpers/jixiao-server-plugin.ts';

/**
 * web-test-runner: the Lit elements' component tests (test/components) in Debian's Chromium.
 * Nothing downloads a browser: the launcher is pointed at /usr/bin/chromium (CHROMIUM_PATH overrides).
 */

/**
 * Writes `.tmp/wtr-report.json` ({passed, failed, skipped}) so `.ci/run` can add these tests to
 * vitest's in its one closing line.
 * @returns {import('@web/test-runner').Reporter}
 */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      /** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
      const walk = (suite) => {
        if (!suite) return;
        for (const test of suite.tests) {
          if (test.skipped) total.skipped++;
          else if (test.passed) total.passed++;
          else total.failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        const failedBefore = total.failed;
        walk(session.testResults);
        // A file that failed outside its tests (did not load, a forbidden .only, an error after
        // the tests) counts as one failure, never as nothing.
        if (!session.passed && total.failed === failedBefore) total.failed++;
      }
      mkdirSync('.tmp', { recursive: true });
      writeFileSync('.tmp/wtr-report.json', JSON.stringify(total));
    },
  };
}

const server = jixiaoServer();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'test/components/**/*.test.ts',
  // The production builds, as Vite bundles them (Lit's dev build warns on the console).
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  // tsconfig.json keeps `useDefineForClassFields: false`, which Lit's reactive properties need.
  plugins: [esbuildPlugin({ ts: true, target: 'es2023', tsconfig: 'tsconfig.json' }), server.plugin],
  middleware: [server.proxy],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'],
      },
    }),
  ],
  // A forgotten .only fails the run, as vitest's allowOnly: false does.
  testFramework: { config: { timeout: 10_000, forbidOnly: true } },
  reporters: [defaultReporter(), countReporter()],
};
