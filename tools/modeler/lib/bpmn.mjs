import { createRequire } from 'node:module';

import { BpmnModdle } from 'bpmn-moddle';
import { Linter as BpmnLinter } from 'bpmnlint';

import { finding, unreadableId } from './findings.mjs';
import { modelerLinter } from './modeler-linter.mjs';

const require = createRequire(import.meta.url);
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

export function bpmnModdle() {
  return new BpmnModdle({ camunda: camundaModdle });
}

/** Parses with the Camunda extension known, as the Modeler does; import warnings are findings. */
export async function parseBpmn(file, xml) {
  const findings = [];
  try {
    const { rootElement, warnings } = await bpmnModdle().fromXML(xml, 'bpmn:Definitions');
    for (const warning of warnings) {
      findings.push(finding(file, warning.element && warning.element.id, 'bpmn-import', warning.message.split('\n')[0]));
    }
    return { definitions: rootElement, findings };
  } catch (error) {
    return { definitions: null, findings: [ finding(file, '', 'bpmn-import', `not readable BPMN: ${error.message}`) ] };
  }
}

/** bpmnlint with the repository's .bpmnlintrc (recommended + camunda-compat for Platform 7.24). */
export async function bpmnlint(file, definitions, config) {
  // Plugins resolve from this package's node_modules, wherever Maven or a developer starts us.
  const linter = new BpmnLinter({ config, resolver: new NodeResolver({ require }) });
  const reports = await linter.lint(definitions);
  return flatten(file, reports, 'bpmnlint');
}

/** The rules Camunda Modeler itself shows in its Problems panel, chosen by modeler:executionPlatform(Version). */
export async function modelerLint(file, definitions) {
  const Linter = await modelerLinter();
  const reports = await new Linter({ modeler: 'desktop', type: 'platform' }).lint(definitions);
  const findings = reports.map(report => finding(file, report.id, `modeler/${report.rule}`, report.message, report.category));
  if (!definitions.get('modeler:executionPlatform') || !definitions.get('modeler:executionPlatformVersion')) {
    findings.push(finding(file, definitions.id, 'modeler/execution-platform',
      'modeler:executionPlatform and modeler:executionPlatformVersion must be set, or the Modeler lints nothing'));
  }
  return findings;
}

export function readableIds(file, definitions) {
  const findings = [];
  walk(definitions, element => {
    if (element.id && unreadableId(element.id)) {
      findings.push(finding(file, element.id, 'readable-ids', 'id looks generated or unreadable; name it after its meaning'));
    }
  });
  return findings;
}

function flatten(file, reports, prefix) {
  const findings = [];
  for (const [ rule, entries ] of Object.entries(reports)) {
    for (const entry of entries) {
      findings.push(finding(file, entry.id, `${prefix}/${rule}`, entry.message, entry.category));
    }
  }
  return findings;
}

/** Visits every moddle element below root (properties holding elements or arrays of them), each once. */
export function walk(root, visit, seen = new Set()) {
  if (!root || typeof root !== 'object' || seen.has(root)) {
    return;
  }
  seen.add(root);
  if (root.$type) {
    visit(root);
  }
  for (const key of Object.keys(root)) {
    if (key.startsWith('$')) {
      continue;
    }
    const value = root[key];
    if (Array.isArray(value)) {
      value.forEach(item => walk(item, visit, seen));
    } else if (value && typeof value === 'object' && value.$type && !isReference(root, key)) {
      walk(value, visit, seen);
    }
  }
}

function isReference(element, key) {
  const descriptor = element.$descriptor && element.$descriptor.propertiesByName && element.$descriptor.propertiesByName[key];
  return descriptor && descriptor.isReference;
}
