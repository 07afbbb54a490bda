// Bundles the web studio's browser code with esbuild: one ES module entry (app.js) that loads the heavy parts
// (the editor, Mermaid, Chart.js) on demand as split chunks, so pages without them stay light.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rmSync } from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(here, '..', 'wwwroot', 'dist');
// Start clean: chunk names carry content hashes, so old chunks would pile up.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(here, 'src', 'app.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'linked',
});
