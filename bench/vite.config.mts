import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const here = dirname(fileURLToPath(import.meta.url))

/** The baseline pages (bare React Flow, Excalidraw, an empty page), built for production like the app. */
export default defineConfig({
  root: resolve(here, 'pages'),
  base: '/',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../out/bench-pages'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 10_000,
    rollupOptions: {
      input: {
        reactflow: resolve(here, 'pages/reactflow/index.html'),
        excalidraw: resolve(here, 'pages/excalidraw/index.html'),
        empty: resolve(here, 'pages/empty/index.html')
      }
    }
  }
})
