package com.daiban.handling.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The levels above the township supervision office, as configured: {@code daiban.escalation.higher-level-group} (e.g.
 * a county supervision group) gets its own task and notice when a 督办 runs past its rectification period; without
 * it the ladder ends at the township. Read by proxy-matter as {@code ${escalationLadder.higherLevelConfigured}} and
 * {@code ${escalationLadder.higherLevelGroup}}.
 */
@Component("escalationLadder")
public class EscalationLadder {

	private final EscalationProperties properties;

	EscalationLadder(EscalationProperties properties) {
		this.properties = properties;
	}

	public boolean isHigherLevelConfigured() {
		return properties.higherLevelGroup() != null && !properties.higherLevelGroup().isBlank();
	}

	public String getHigherLevelGroup() {
		return isHigherLevelConfigured() ? properties.higherLevelGroup().trim() : null;
	}

	/** @param higherLevelGroup the Camunda group of the level above the township supervision office, or empty */
	@ConfigurationProperties("daiban.escalation")
	record EscalationProperties(String higherLevelGroup) {
	}

}
