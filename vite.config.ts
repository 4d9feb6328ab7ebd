import { defineConfig } from 'vite';
import { precacheManifest, SERVICE_WORKER_ENTRY } from './client/offline/precache-plugin.ts';

// Where the jixiao server (`npm run dev`) listens while the client is developed with `vite`.
const devServer = process.env['JIXIAO_DEV_SERVER'] ?? 'http://127.0.0.1:8080';

/** Builds the Lit client from `client/` into `dist/client`, which the server serves with an SPA fallback. */
export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2023',
    // The service worker is its own entry at a fixed name (/sw.js: its scope is the whole site).
    rollupOptions: {
      input: { main: 'client/index.html', [SERVICE_WORKER_ENTRY]: 'client/offline/service-worker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER_ENTRY ? 'sw.js' : 'assets/[name]-[hash].js'),
        // Everything the app's entry imports statically in one chunk; only what it loads on demand
        // (other pages, panels: see client/lazy-element.ts) apart. Left alone, the code both share
        // became common chunks the first page loads as separate files, each one more request the
        // service worker answers on every later load.
        // What the rest of the app (client/app/start-app.ts, loaded by the entry) shares with those
        // on-demand parts goes into one chunk too, not one small chunk per combination.
        codeSplitting: {
          groups: [
            { name: 'main', tags: ['$initial'], test: (id: string) => !id.includes('service-worker') },
            { name: 'shared', minShareCount: 2, test: (id: string) => !id.includes('service-worker') },
          ],
        },
      },
    },
  },
  plugins: [precacheManifest()],
  server: {
    proxy: {
      '/api': devServer,
      '/collab': { target: devServer.replace(/^http/, 'ws'), ws: true },
    },
  },
});
