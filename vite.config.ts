import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// `npm run dev`: Vite serves the client with hot reload and forwards the server's
// routes to the Node server (scripts/dev.mjs starts both).
const backend = `http://localhost:${process.env.PORT ?? 1234}`;

export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/sync': { target: backend, ws: true },
      '/api': backend,
      '/health': backend,
    },
  },
});
