import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { compressAssets } from './build/compress-assets.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));
// QINGDAN_API lets the dev server talk to a server on another port.
const target = process.env.QINGDAN_API ?? 'http://127.0.0.1:3000';

/** The server checks Origin on state-changing cookie requests; in dev the proxy speaks for the page. */
const proxied = {
  target,
  changeOrigin: true,
  configure: (proxy: {
    on: (event: 'proxyReq', cb: (req: { setHeader(n: string, v: string): void }) => void) => void;
  }) => {
    proxy.on('proxyReq', (req) => req.setHeader('origin', target));
  },
};

export default defineConfig({
  root,
  plugins: [react(), compressAssets(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // ECharts + zrender in one named, lazily loaded chunk.
        manualChunks: (id: string) => (/node_modules\/(echarts|zrender)\//.test(id) ? 'charts' : undefined),
      },
    },
  },
  server: {
    proxy: { '/api': proxied, '/open311': proxied },
    // The UI shares the pure lifecycle table with the server.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
