// Bundled by esbuild (see lib/modeler-linter.mjs): @camunda/linting ships extensionless ESM imports plain Node rejects.
export { Linter } from '@camunda/linting';
