// @ts-check
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The architecture as lint: no import cycles; server/ and client/ never import each other;
    // shared/ imports neither (eslint-plugin-import-x, resolving the `.ts` specifiers as Node does).
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './server', from: './client', message: 'server/ must not import client/' },
          { target: './client', from: './server', message: 'client/ must not import server/' },
          { target: './shared', from: ['./server', './client'], message: 'shared/ imports neither server/ nor client/' },
          { target: './server/http/*-routes.ts', from: './server/http/*-routes.ts', message: 'route modules never import each other: server/app.ts composes them' },
        ],
      }],
    },
  },
  {
    files: ['server/cli/**/*.ts', 'server/main.ts', 'server/serve.ts', 'test/bench/**/*.ts', 'test/chaos/chaos.ts', 'test/fuzz/fuzz.ts', 'test/helpers/fail-on-console.ts', 'test/components/helpers/fail-on-console.ts'],
    rules: { 'no-console': 'off' },
  },
);
