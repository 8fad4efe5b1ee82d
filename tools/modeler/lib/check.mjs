import fs from 'node:fs';
import path from 'node:path';

import { bpmnlint, modelerLint, parseBpmn, readableIds, walk } from './bpmn.mjs';
import { checkDmn } from './dmn.mjs';
import { finding } from './findings.mjs';
import { checkForm } from './forms.mjs';
import { checkTemplateFile, checkTemplateUsage, duplicateTemplates } from './templates.mjs';

/**
 * Every check on the repository's models: processes/*.bpmn (bpmnlint with .bpmnlintrc, the Modeler's own linter,
 * element templates in use), processes/*.dmn, forms/*.form, .camunda/element-templates/*.json, and the references
 * between them (formRef → form id, decisionRef → decision id). Returns findings with paths relative to root.
 */
export async function checkRepository(root) {
  const rel = file => path.relative(root, file);
  const list = (dir, ext) => fs.existsSync(dir)
    ? fs.readdirSync(dir).filter(name => name.endsWith(ext)).sort().map(name => path.join(dir, name))
    : [];
  const findings = [];
  const counts = { bpmn: 0, dmn: 0, forms: 0, templates: 0 };

  const templates = [];
  for (const file of list(path.join(root, '.camunda', 'element-templates'), '.json')) {
    const result = checkTemplateFile(rel(file), fs.readFileSync(file, 'utf8'));
    findings.push(...result.findings);
    result.templates.forEach(template => templates.push({ file: rel(file), template }));
  }
  findings.push(...duplicateTemplates(templates));
  counts.templates = templates.length;

  const formIds = new Set();
  for (const file of list(path.join(root, 'forms'), '.form')) {
    const result = checkForm(rel(file), fs.readFileSync(file, 'utf8'));
    findings.push(...result.findings);
    if (result.id) {
      formIds.add(result.id);
    }
    counts.forms++;
  }

  const decisionIds = new Set();
  for (const file of list(path.join(root, 'processes'), '.dmn')) {
    const result = await checkDmn(rel(file), fs.readFileSync(file, 'utf8'));
    findings.push(...result.findings);
    for (const element of (result.definitions && result.definitions.drgElement) || []) {
      decisionIds.add(element.id);
    }
    counts.dmn++;
  }

  const config = JSON.parse(fs.readFileSync(path.join(root, '.bpmnlintrc'), 'utf8'));
  for (const file of list(path.join(root, 'processes'), '.bpmn')) {
    const name = rel(file);
    const { definitions, findings: parseFindings } = await parseBpmn(name, fs.readFileSync(file, 'utf8'));
    findings.push(...parseFindings);
    counts.bpmn++;
    if (!definitions) {
      continue;
    }
    findings.push(...await bpmnlint(name, definitions, config));
    findings.push(...await modelerLint(name, definitions));
    findings.push(...readableIds(name, definitions));
    findings.push(...checkTemplateUsage(name, definitions, templates.map(t => t.template)));
    findings.push(...references(name, definitions, formIds, decisionIds));
  }
  return { findings, counts };
}

function references(file, definitions, formIds, decisionIds) {
  const findings = [];
  walk(definitions, element => {
    if (!element.$instanceOf) {
      return;
    }
    const formRef = element.$instanceOf('camunda:FormSupported') || element.$instanceOf('bpmn:UserTask') || element.$instanceOf('bpmn:StartEvent')
      ? element.get('camunda:formRef') : undefined;
    if (formRef && !formRef.includes('${') && !formIds.has(formRef)) {
      findings.push(finding(file, element.id, 'form-ref', `camunda:formRef "${formRef}" matches no form id in forms/`));
    }
    if (element.$instanceOf('bpmn:BusinessRuleTask')) {
      const decisionRef = element.get('camunda:decisionRef');
      if (decisionRef && !decisionRef.includes('${') && !decisionIds.has(decisionRef)) {
        findings.push(finding(file, element.id, 'decision-ref', `camunda:decisionRef "${decisionRef}" matches no decision in processes/*.dmn`));
      }
    }
  });
  return findings;
}
