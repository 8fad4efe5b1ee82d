// The checker must find what it claims to find: each test breaks one thing in a copy of the real models.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { checkRepository } from '../lib/check.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BPMN = 'processes/proxy-matter.bpmn';
const DMN = 'processes/matter-routing.dmn';

function copyOfModels() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modeler-checks-'));
  for (const part of [ 'processes', 'forms', '.camunda', '.bpmnlintrc' ]) {
    fs.cpSync(path.join(repo, part), path.join(dir, part), { recursive: true });
  }
  return dir;
}

function edit(dir, file, from, to) {
  const target = path.join(dir, file);
  const text = fs.readFileSync(target, 'utf8');
  assert.ok(text.includes(from), `${file} no longer contains ${from}`);
  fs.writeFileSync(target, text.replace(from, to));
}

async function rulesAfter(change) {
  const dir = copyOfModels();
  try {
    change(dir);
    const { findings } = await checkRepository(dir);
    return findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function assertFinding(findings, rule, element) {
  assert.ok(findings.some(f => f.rule === rule && (!element || f.element === element)),
    `expected ${rule} on ${element || 'any element'}, got:\n${findings.map(f => `${f.rule} ${f.element}`).join('\n')}`);
}

test('the repository models have no findings', async () => {
  const { findings, counts } = await checkRepository(repo);
  assert.deepEqual(findings, []);
  assert.ok(counts.bpmn >= 1 && counts.dmn >= 1 && counts.forms >= 1 && counts.templates >= 9);
});

test('a fork gateway without a name is reported by bpmnlint', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN, 'id="Gateway_Outcome" name="办理结果？"', 'id="Gateway_Outcome"'));
  assertFinding(findings, 'bpmnlint/label-required', 'Gateway_Outcome');
});

test('a task joining flows itself is reported as a fake join', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    '<bpmn:incoming>Flow_ToRecordHandling</bpmn:incoming>',
    '<bpmn:incoming>Flow_ToRecordHandling</bpmn:incoming><bpmn:incoming>Flow_Extra</bpmn:incoming>'));
  assert.ok(findings.length > 0);
});

test('a process without history time to live is reported by the Modeler linter', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN, ' camunda:historyTimeToLive="P400D"', ''));
  assertFinding(findings, 'modeler/camunda-compat/history-time-to-live', 'proxy-matter');
});

test('an event sub-process started by a blank event is reported by the Modeler linter', async () => {
  // Camunda 7's compat rules are few; the Modeler adds bpmnlint's correctness rules such as this one.
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    '<bpmn:messageEventDefinition id="MessageEventDefinition_ComplaintFiled" messageRef="Message_ComplaintFiled" />', ''));
  assertFinding(findings, 'modeler/event-sub-process-typed-start-event', 'StartEvent_ComplaintFiled');
});

test('a generated element id is reported', async () => {
  const findings = await rulesAfter(dir => fs.writeFileSync(path.join(dir, BPMN),
    fs.readFileSync(path.join(dir, BPMN), 'utf8').replaceAll('EndEvent_Reminded', 'Event_0k8g9x1')));
  assertFinding(findings, 'readable-ids', 'Event_0k8g9x1');
});

test('a notify task with a recipient outside the dropdown is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    '<camunda:property name="recipients" value="AGENT" />',
    '<camunda:property name="recipients" value="EVERYONE" />'));
  assertFinding(findings, 'template-input-value', 'Task_NotifySignOffReminder');
});

test('a negative-list task without a reason is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    '<camunda:property name="reason" value="OVERDUE" />', ''));
  assertFinding(findings, 'template-input-missing', 'Task_MarkOverdue');
});

test('a setting the element template does not know is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    '<camunda:property name="reason" value="OVERDUE" />',
    '<camunda:property name="reason" value="OVERDUE" /><camunda:property name="colour" value="red" />'));
  assertFinding(findings, 'template-input-unknown', 'Task_MarkOverdue');
});

test('a delegate task without its element template is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    ' camunda:modelerTemplate="com.daiban.close-matter" camunda:modelerTemplateVersion="1"', ''));
  assertFinding(findings, 'template-required', 'Task_CloseMatter');
});

test('a task naming a template but calling another delegate is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, BPMN,
    'camunda:delegateExpression="${closeMatterDelegate}"', 'camunda:delegateExpression="${recordHandlingDelegate}"'));
  assertFinding(findings, 'template-property', 'Task_CloseMatter');
});

test('an element template the schema rejects is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, '.camunda/element-templates/mark-negative-list.json',
    '"type": "camunda:property"', '"type": "camunda:extensionProperty"'));
  assertFinding(findings, 'template-schema');
});

test('a decision without DMNDI or history time to live is reported', async () => {
  const findings = await rulesAfter(dir => {
    const file = path.join(dir, DMN);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/<dmndi:DMNDI>[\s\S]*<\/dmndi:DMNDI>/, '').replace(' camunda:historyTimeToLive="P400D"', ''));
  });
  assertFinding(findings, 'dmndi');
  assertFinding(findings, 'history-time-to-live', 'matter-routing');
});

test('a broken decision file is reported', async () => {
  const findings = await rulesAfter(dir => edit(dir, DMN, '</definitions>', ''));
  assertFinding(findings, 'dmn-import');
});

test('a form with a newer schema, no id or no platform is reported', async () => {
  const findings = await rulesAfter(dir => {
    const file = path.join(dir, 'forms', 'sign-off.form');
    const form = JSON.parse(fs.readFileSync(file, 'utf8'));
    form.schemaVersion = 17;
    delete form.executionPlatform;
    fs.writeFileSync(file, JSON.stringify(form));
    fs.writeFileSync(path.join(dir, 'forms', 'broken.form'), '{ "components": [');
  });
  assertFinding(findings, 'form-schema-version');
  assertFinding(findings, 'form-execution-platform');
  assertFinding(findings, 'form-json');
});

test('a formRef or decisionRef to nothing is reported', async () => {
  const findings = await rulesAfter(dir => {
    edit(dir, BPMN, 'camunda:formRef="form-sign-off"', 'camunda:formRef="form-sign-of"');
    edit(dir, BPMN, 'camunda:decisionRef="matter-routing"', 'camunda:decisionRef="matter-route"');
  });
  assertFinding(findings, 'form-ref', 'Task_ConfirmSignOff');
  assertFinding(findings, 'decision-ref', 'Task_DecideRoute');
});
