import { finding, unreadableId } from './findings.mjs';

// Camunda 7.24's Tasklist renders forms up to this schema version; newer Modelers write higher ones by default.
export const MAX_SCHEMA_VERSION = 16;

/** A Camunda Form the engine can deploy and Tasklist can render. Returns the form id (or null) and findings. */
export function checkForm(file, text) {
  let form;
  try {
    form = JSON.parse(text);
  } catch (error) {
    return { id: null, findings: [ finding(file, '', 'form-json', `not valid JSON: ${error.message}`) ] };
  }
  const findings = [];
  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    return { id: null, findings: [ finding(file, '', 'form-json', 'a form is a JSON object') ] };
  }
  if (typeof form.id !== 'string' || form.id.trim() === '') {
    findings.push(finding(file, '', 'form-id', 'form has no "id": camunda:formRef cannot find it'));
  } else if (unreadableId(form.id)) {
    findings.push(finding(file, form.id, 'readable-ids', 'form id looks generated or unreadable'));
  }
  if (!Number.isInteger(form.schemaVersion) || form.schemaVersion > MAX_SCHEMA_VERSION) {
    findings.push(finding(file, form.id, 'form-schema-version',
      `schemaVersion ${form.schemaVersion} is not an integer ≤ ${MAX_SCHEMA_VERSION} (the newest Camunda 7.24 Tasklist renders)`));
  }
  if (form.executionPlatform !== 'Camunda Platform' || !form.executionPlatformVersion) {
    findings.push(finding(file, form.id, 'form-execution-platform',
      'executionPlatform must be "Camunda Platform" with an executionPlatformVersion, so the Modeler checks it for 7.x'));
  }
  if (!Array.isArray(form.components)) {
    findings.push(finding(file, form.id, 'form-components', 'form has no components array'));
  }
  const keys = new Map();
  visitComponents(form.components || [], component => {
    if (typeof component.key === 'string') {
      keys.set(component.key, (keys.get(component.key) || 0) + 1);
    }
  });
  for (const [ key, count ] of keys) {
    if (count > 1) {
      findings.push(finding(file, key, 'form-duplicate-key', `field key "${key}" is used ${count} times`));
    }
  }
  return { id: typeof form.id === 'string' ? form.id : null, findings };
}

function visitComponents(components, visit) {
  for (const component of components) {
    if (component && typeof component === 'object') {
      visit(component);
      visitComponents(component.components || [], visit);
    }
  }
}
