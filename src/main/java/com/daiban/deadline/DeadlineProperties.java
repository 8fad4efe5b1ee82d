package com.daiban.deadline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signOffReminderAfter how long a replied matter may wait for the resident's signature before the agent is
 * reminded
 * @param rectificationLimit the time a supervision task (督办) gives the responsible unit to rectify
 */
@ConfigurationProperties("daiban.deadline")
public record DeadlineProperties(Duration signOffReminderAfter, Duration rectificationLimit) {

	public DeadlineProperties {
		signOffReminderAfter = signOffReminderAfter == null ? Duration.ofDays(3) : signOffReminderAfter;
		rectificationLimit = rectificationLimit == null ? Duration.ofDays(3) : rectificationLimit;
	}

}
