package com.daiban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Flow-node coverage of one process model by the instances a test class started: the share of the model's flow nodes
 * that appear in their history. Used as a floor that fails the build.
 */
public final class ModelCoverage {

	private ModelCoverage() {
	}

	public static void assertFlowNodeCoverage(RepositoryService repository, HistoryService history, String processKey,
			Collection<String> processInstanceIds, double floor) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		Set<String> nodes = repository.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> visited = new TreeSet<>();
		for (String id : processInstanceIds) {
			history.createHistoricActivityInstanceQuery()
				.processInstanceId(id)
				.list()
				.stream()
				.map(HistoricActivityInstance::getActivityId)
				.forEach(visited::add);
		}
		visited.retainAll(nodes);
		Set<String> missed = new TreeSet<>(nodes);
		missed.removeAll(visited);
		double coverage = (double) visited.size() / nodes.size();
		System.out.printf("[coverage] %s: %d/%d flow nodes (%.1f %%), not reached: %s%n", processKey, visited.size(),
				nodes.size(), coverage * 100, missed);
		assertThat(coverage).as("flow-node coverage of %s (not reached: %s)", processKey, missed).isGreaterThanOrEqualTo(floor);
	}

	/**
	 * Rule coverage of a decision table: the share of its rules that matched in evaluations since {@code since} (the
	 * start of the test class), read from decision history.
	 */
	public static void assertRuleCoverage(HistoryService history, java.nio.file.Path dmnFile, String decisionKey,
			java.util.Date since, double floor) {
		Set<String> rules = Dmn.readModelFromFile(dmnFile.toFile())
			.getModelElementsByType(Rule.class)
			.stream()
			.map(Rule::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> matched = history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(decisionKey)
			.evaluatedAfter(since)
			.includeOutputs()
			.list()
			.stream()
			.flatMap(instance -> instance.getOutputs().stream())
			.map(HistoricDecisionOutputInstance::getRuleId)
			.collect(Collectors.toCollection(TreeSet::new));
		matched.retainAll(rules);
		Set<String> missed = new TreeSet<>(rules);
		missed.removeAll(matched);
		System.out.printf("[coverage] %s: %d/%d rules, not matched: %s%n", decisionKey, matched.size(), rules.size(), missed);
		assertThat((double) matched.size() / rules.size()).as("rule coverage of %s (not matched: %s)", decisionKey, missed)
			.isGreaterThanOrEqualTo(floor);
	}

}
