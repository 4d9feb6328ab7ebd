import { defineConfig } from 'vite';

// Where the jixiao server (`npm run dev`) listens while the client is developed with `vite`.
const devServer = process.env['JIXIAO_DEV_SERVER'] ?? 'http://127.0.0.1:8080';

/** Builds the Lit client from `client/` into `dist/client`, which the server serves with an SPA fallback. */
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2023' },
  server: {
    proxy: {
      '/api': devServer,
      '/collab': { target: devServer.replace(/^http/, 'ws'), ws: true },
    },
  },
});
