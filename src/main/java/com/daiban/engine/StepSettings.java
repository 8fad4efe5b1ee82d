package com.daiban.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What an analyst set on a service task through its element template (notification kind, recipients, negative-list
 * reason…), read from the deployed model's {@code camunda:property} entries. Settings are not process variables: as
 * input parameters they made the step a variable scope of its own, with an execution, and a variable, a history row and
 * a change-log row per setting every time the step ran. Read once per deployed step and kept.
 * <p>
 * A step modelled with an earlier template version still has its settings as input parameters; they are then read as
 * variables, so such models keep working until they are updated in the Modeler.
 */
public final class StepSettings {

	private static final Map<String, Map<String, String>> BY_STEP = new ConcurrentHashMap<>();

	private StepSettings() {
	}

	/** The setting, or {@code null} when the step has none. */
	public static String get(DelegateExecution execution, String name) {
		String value = BY_STEP
			.computeIfAbsent(execution.getProcessDefinitionId() + "#" + execution.getCurrentActivityId(),
					step -> read(execution.getBpmnModelElementInstance()))
			.get(name);
		if (value != null) {
			return value;
		}
		return execution.getVariable(name) instanceof String input ? input : null;
	}

	private static Map<String, String> read(FlowElement element) {
		Map<String, String> settings = new HashMap<>();
		ExtensionElements extensions = element == null ? null : element.getExtensionElements();
		if (extensions != null) {
			for (CamundaProperties properties : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (property.getCamundaName() != null && property.getCamundaValue() != null) {
						settings.put(property.getCamundaName(), property.getCamundaValue());
					}
				}
			}
		}
		return Map.copyOf(settings);
	}

}
