// The reference web app's build (`npm run build:web`, run by `npm install`): a static bundle in
// web/dist that the API server serves at its base path. `base: './'` keeps asset URLs relative, so the
// same build works under any BASE_PATH and from another origin.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // React's automatic JSX runtime, compiled by Vite's own transformer (no React plugin needed: the app
  // has no fast-refresh requirement, and the plugin's peer dependencies clash with jest's Babel).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  // `npm run dev:web`: the page's relative `graphql` endpoint is proxied to a running API server.
  server: { port: 5173, proxy: { '/graphql': process.env.DOSSIER_API_ORIGIN ?? 'http://127.0.0.1:4000' } },
});
