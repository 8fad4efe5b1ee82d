#!/usr/bin/env node
// Checks the repository's models as Camunda Modeler would (see lib/check.mjs); any finding exits 1 and fails Maven.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkRepository } from './lib/check.mjs';
import { format } from './lib/findings.mjs';

const root = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const started = Date.now();
const { findings, counts } = await checkRepository(root);
for (const f of findings) {
  console.log(format(f));
}
const summary = `${counts.bpmn} BPMN, ${counts.dmn} DMN, ${counts.forms} forms, ${counts.templates} element templates checked in ${Date.now() - started} ms`;
if (findings.length > 0) {
  console.error(`[modeler-checks] ${findings.length} finding(s); ${summary}`);
  process.exit(1);
}
console.log(`[modeler-checks] no findings; ${summary}`);
