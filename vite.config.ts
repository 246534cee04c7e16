import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';

// `npm run dev`: Vite serves the client with hot reload and forwards the server's
// routes to the Node server (scripts/dev.mjs starts both).
const backend = `http://localhost:${process.env.PORT ?? 1234}`;

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Path aliases of the client (and of the unit tests, vitest.config.ts), the same as
 * tsconfig.json's `paths`: `@schema` is schema/index.ts, `@sync/<module>` the sync layer,
 * `@i18n` the dictionaries, `@map/<feature>` a feature of the map page.
 */
export const alias = {
  '@schema': at('./schema/index.ts'),
  '@sync': at('./client/src/sync'),
  '@i18n': at('./client/src/i18n/index.ts'),
  '@map': at('./client/src/map'),
};

export default defineConfig(({ mode }) => ({
  root: 'client',
  resolve: { alias },
  plugins: [
    solid(),
    // The app shell is kept by a service worker, so a map opens and edits with no server
    // (the map itself is kept by y-indexeddb). Server routes are never cached.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Buurtweb — de levende sociale kaart',
        short_name: 'Buurtweb',
        lang: 'nl',
        start_url: '/',
        display: 'standalone',
        theme_color: '#1f5fbf',
        background_color: '#f7f8fa',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/sync/, /^\/api\//, /^\/health/],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  // `--mode e2e` is the test build (npm test): the same app plus the hooks end-to-end
  // tests read (client/src/map/ui-kit/test-hooks.ts), kept apart from the production build.
  build: { outDir: mode === 'e2e' ? '../dist-e2e' : '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/sync': { target: backend, ws: true },
      '/api': backend,
      '/health': backend,
    },
  },
}));
