import { DmnModdle } from 'dmn-moddle';

import { walk } from './bpmn.mjs';
import { finding, unreadableId } from './findings.mjs';

const CAMUNDA_DMN_NS = 'http://camunda.org/schema/1.0/dmn';
const MODELER_NS = 'http://camunda.org/schema/modeler/1.0';

/**
 * What the engine and the Modeler need of a decision file: it parses, it has a diagram (DMNDI) so the Modeler opens it
 * as drawn, readable ids, a history time to live on every decision (required since 7.20), and the execution platform.
 */
export async function checkDmn(file, xml) {
  let definitions;
  let warnings;
  try {
    ({ rootElement: definitions, warnings } = await new DmnModdle().fromXML(xml, 'dmn:Definitions'));
  } catch (error) {
    return { definitions: null, findings: [ finding(file, '', 'dmn-import', `not readable DMN: ${error.message}`) ] };
  }
  const findings = warnings.map(w => finding(file, w.element && w.element.id, 'dmn-import', w.message.split('\n')[0]));
  const prefixes = namespacePrefixes(definitions);

  if (attr(definitions, prefixes, MODELER_NS, 'executionPlatform') !== 'Camunda Platform' ||
      !attr(definitions, prefixes, MODELER_NS, 'executionPlatformVersion')) {
    findings.push(finding(file, definitions.id, 'execution-platform',
      'modeler:executionPlatform="Camunda Platform" and modeler:executionPlatformVersion must be set'));
  }

  const decisions = (definitions.drgElement || []).filter(e => e.$type === 'dmn:Decision');
  if (decisions.length === 0) {
    findings.push(finding(file, definitions.id, 'has-decision', 'no decision in this file'));
  }
  const shapes = new Set();
  for (const diagram of (definitions.dmnDI && definitions.dmnDI.diagrams) || []) {
    for (const shape of diagram.diagramElements || []) {
      if (shape.dmnElementRef) {
        shapes.add(shape.dmnElementRef.id);
      }
    }
  }
  if (!definitions.dmnDI || shapes.size === 0) {
    findings.push(finding(file, definitions.id, 'dmndi', 'no DMNDI diagram: Camunda Modeler would open it without a drawing'));
  }
  for (const decision of decisions) {
    if (shapes.size > 0 && !shapes.has(decision.id)) {
      findings.push(finding(file, decision.id, 'dmndi', 'decision has no shape in the DMNDI diagram'));
    }
    if (!attr(decision, prefixes, CAMUNDA_DMN_NS, 'historyTimeToLive')) {
      findings.push(finding(file, decision.id, 'history-time-to-live', 'camunda:historyTimeToLive is not set'));
    }
    const table = decision.decisionLogic;
    if (table && table.$type === 'dmn:DecisionTable') {
      const inputs = (table.input || []).length;
      const outputs = (table.output || []).length;
      for (const rule of table.rule || []) {
        if ((rule.inputEntry || []).length !== inputs || (rule.outputEntry || []).length !== outputs) {
          findings.push(finding(file, rule.id, 'rule-shape', `rule has ${(rule.inputEntry || []).length}/${(rule.outputEntry || []).length} entries, table has ${inputs} inputs/${outputs} outputs`));
        }
      }
    }
  }
  walk(definitions, element => {
    if (element.id && unreadableId(element.id)) {
      findings.push(finding(file, element.id, 'readable-ids', 'id looks generated or unreadable; name it after its meaning'));
    }
  });
  return { definitions, findings };
}

function namespacePrefixes(definitions) {
  const prefixes = {};
  for (const [ key, value ] of Object.entries(definitions.$attrs || {})) {
    if (key.startsWith('xmlns:')) {
      prefixes[value] = key.slice('xmlns:'.length);
    }
  }
  return prefixes;
}

function attr(element, prefixes, ns, name) {
  const prefix = prefixes[ns];
  return prefix && element.$attrs ? element.$attrs[`${prefix}:${name}`] : undefined;
}
