import { createRequire } from 'node:module';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { walk } from './bpmn.mjs';
import { finding } from './findings.mjs';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

let validator;

function validate(data) {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  return validator(data) ? [] : validator.errors;
}

/** Checks one element-templates file against the Camunda 7 element-templates JSON schema the Modeler uses. */
export function checkTemplateFile(file, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { templates: [], findings: [ finding(file, '', 'template-json', `not valid JSON: ${error.message}`) ] };
  }
  const findings = validate(data).map(error =>
    finding(file, error.instancePath || '/', 'template-schema', `${error.message}${error.params ? ' ' + JSON.stringify(error.params) : ''}`));
  const templates = Array.isArray(data) ? data : [ data ];
  for (const template of templates) {
    for (const property of template.properties || []) {
      if (property.type === 'Dropdown' && property.value !== undefined &&
          !(property.choices || []).some(choice => choice.value === property.value)) {
        findings.push(finding(file, template.id, 'template-dropdown-default', `default "${property.value}" of "${property.label}" is not one of its choices`));
      }
    }
  }
  return { templates: templates.filter(t => t && typeof t === 'object'), findings };
}

export function duplicateTemplates(templates) {
  const seen = new Map();
  const findings = [];
  for (const { file, template } of templates) {
    const key = `${template.id}@${template.version ?? ''}`;
    if (seen.has(key)) {
      findings.push(finding(file, template.id, 'template-duplicate', `template ${key} is also defined in ${seen.get(key)}`));
    }
    seen.set(key, file);
  }
  return findings;
}

/**
 * Service tasks of a BPMN against the templates: a task calling one of our delegates must name its template, and what
 * the template fixes (delegate, allowed input values) must be what the task really has. Catches an analyst editing the
 * XML by hand into something the Modeler's template form would not allow.
 */
export function checkTemplateUsage(file, definitions, templates) {
  const findings = [];
  const byId = new Map();
  const byDelegate = new Map();
  for (const template of templates) {
    byId.set(`${template.id}@${template.version ?? ''}`, template);
    if (!byId.has(template.id) || (template.version ?? 0) > (byId.get(template.id).version ?? 0)) {
      byId.set(template.id, template);
    }
    const delegate = hiddenProperty(template, 'camunda:delegateExpression');
    if (delegate) {
      byDelegate.set(delegate, [ ...(byDelegate.get(delegate) || []), template.id ]);
    }
  }

  walk(definitions, element => {
    if (!element.$instanceOf || !element.$instanceOf('bpmn:FlowElement')) {
      return;
    }
    const templateId = element.get('camunda:modelerTemplate');
    const delegate = element.get('camunda:delegateExpression');
    if (!templateId) {
      if (delegate && byDelegate.has(delegate)) {
        findings.push(finding(file, element.id, 'template-required',
          `calls ${delegate} without an element template; apply one of ${byDelegate.get(delegate).join(', ')}`));
      }
      return;
    }
    const version = element.get('camunda:modelerTemplateVersion');
    const template = byId.get(version !== undefined ? `${templateId}@${version}` : templateId);
    if (!template) {
      findings.push(finding(file, element.id, 'template-unknown',
        `element template ${templateId}${version !== undefined ? ' version ' + version : ''} is not in .camunda/element-templates`));
      return;
    }
    if (!(template.appliesTo || []).some(type => element.$instanceOf(type))) {
      findings.push(finding(file, element.id, 'template-applies-to', `template ${templateId} does not apply to ${element.$type}`));
    }
    if (template.elementType && template.elementType.value && element.$type !== template.elementType.value) {
      findings.push(finding(file, element.id, 'template-element-type', `template ${templateId} makes a ${template.elementType.value}, element is ${element.$type}`));
    }
    const inputs = inputParameters(element);
    const extensionProperties = camundaProperties(element);
    const declared = new Set();
    const declaredProperties = new Set();
    for (const property of template.properties || []) {
      const binding = property.binding || {};
      if (binding.type === 'property' && property.type === 'Hidden' && element.get(binding.name) !== property.value) {
        findings.push(finding(file, element.id, 'template-property',
          `${binding.name} is "${element.get(binding.name)}" but template ${templateId} fixes "${property.value}"`));
      }
      if (binding.type === 'camunda:inputParameter') {
        declared.add(binding.name);
        checkInput(file, element, templateId, property, inputs.get(binding.name), findings);
      }
      if (binding.type === 'camunda:property') {
        declaredProperties.add(binding.name);
        checkInput(file, element, templateId, property, extensionProperties.get(binding.name), findings);
      }
    }
    for (const name of inputs.keys()) {
      if (!declared.has(name)) {
        findings.push(finding(file, element.id, 'template-input-unknown', `input "${name}" is not part of template ${templateId}`));
      }
    }
    for (const name of extensionProperties.keys()) {
      if (!declaredProperties.has(name)) {
        findings.push(finding(file, element.id, 'template-input-unknown', `property "${name}" is not part of template ${templateId}`));
      }
    }
  });
  return findings;
}

function checkInput(file, element, templateId, property, parameter, findings) {
  const name = property.binding.name;
  const value = parameter ? parameter.value : undefined;
  const constraints = property.constraints || {};
  if (parameter && parameter.definition) {
    findings.push(finding(file, element.id, 'template-input-value', `input "${name}" is a script/list/map; template ${templateId} expects text`));
    return;
  }
  if (value === undefined || value === '') {
    if (constraints.notEmpty || property.type === 'Dropdown' || property.type === 'Hidden') {
      findings.push(finding(file, element.id, 'template-input-missing', `input "${name}" (${property.label}) is required by template ${templateId}`));
    }
    return;
  }
  if (property.type === 'Hidden' && value !== property.value) {
    findings.push(finding(file, element.id, 'template-input-value', `input "${name}" must be "${property.value}"`));
  }
  if (property.type === 'Dropdown' && !(property.choices || []).some(choice => choice.value === value)) {
    findings.push(finding(file, element.id, 'template-input-value', `input "${name}" = "${value}" is not a choice of template ${templateId}`));
  }
  const pattern = constraints.pattern && (typeof constraints.pattern === 'string' ? constraints.pattern : constraints.pattern.value);
  if (pattern && !new RegExp(pattern).test(value)) {
    findings.push(finding(file, element.id, 'template-input-value', `input "${name}" = "${value}" does not match ${pattern}`));
  }
  if (constraints.maxLength !== undefined && value.length > constraints.maxLength) {
    findings.push(finding(file, element.id, 'template-input-value', `input "${name}" is longer than ${constraints.maxLength}`));
  }
  if (constraints.minLength !== undefined && value.length < constraints.minLength) {
    findings.push(finding(file, element.id, 'template-input-value', `input "${name}" is shorter than ${constraints.minLength}`));
  }
}

function hiddenProperty(template, name) {
  const property = (template.properties || []).find(p => p.binding && p.binding.type === 'property' && p.binding.name === name);
  return property && property.value;
}

/** camunda:property entries by name; like input parameters they carry a name and a value. */
function camundaProperties(element) {
  return extensionEntries(element, 'camunda:Properties', properties => properties.values);
}

function inputParameters(element) {
  return extensionEntries(element, 'camunda:InputOutput', inputOutput => inputOutput.inputParameters);
}

function extensionEntries(element, type, entriesOf) {
  const result = new Map();
  const extensions = element.extensionElements ? element.extensionElements.values || [] : [];
  for (const extension of extensions) {
    if (extension.$type === type) {
      for (const entry of entriesOf(extension) || []) {
        result.set(entry.name, entry);
      }
    }
  }
  return result;
}
