import { defineConfig } from 'vite';

// Preact's JSX runtime through esbuild: no Babel, no plugin. The output goes to dist/, which
// Graph.Explorer.targets copies beside Graph.Api's assemblies; hashed file names under assets/.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // One small bundle: no module-preload polyfill (it would be an inline script, which the CSP forbids).
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:5080', '/cohorts/': 'http://127.0.0.1:5080' } },
});
