package com.daiban.handling.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param urgeInterval the least time between two 催办 of one matter
 * @param maxExtensionDays the most working days one extension may ask for
 * @param extensionDecisionDays working days the supervision office has to decide on an extension (its task's due date)
 */
@ConfigurationProperties("daiban.handling")
record HandlingProperties(Duration urgeInterval, Integer maxExtensionDays, Integer extensionDecisionDays) {

	HandlingProperties {
		urgeInterval = urgeInterval == null ? Duration.ofHours(2) : urgeInterval;
		maxExtensionDays = maxExtensionDays == null ? 10 : maxExtensionDays;
		extensionDecisionDays = extensionDecisionDays == null ? 1 : extensionDecisionDays;
	}

}
