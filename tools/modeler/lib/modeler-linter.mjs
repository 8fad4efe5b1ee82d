import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(here, 'modeler-linter-entry.js');
const bundle = path.join(here, '..', 'build', 'modeler-linter.mjs');
const lockFile = path.join(here, '..', 'package-lock.json');

/**
 * The Linter class of @camunda/linting, the one Camunda Modeler runs. Its sources use extensionless ESM imports that
 * plain Node refuses, so they are bundled once into build/ (rebuilt when the lock file changes).
 */
export async function modelerLinter() {
  const stale = !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < fs.statSync(lockFile).mtimeMs;
  if (stale) {
    await esbuild.build({
      entryPoints: [ entry ],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'warning'
    });
  }
  const { Linter } = await import(pathToFileURL(bundle).href);
  return Linter;
}
