package com.daiban.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and hours that are settings rather than decisions; every limit is working time ({@link WorkingTimeLimit}).
 *
 * @param signOffReminderAfter how long a replied matter may wait for the resident's signature before the agent is
 * reminded (working time, {@code P3D} = three working days)
 * @param rectificationLimit the working time a supervision task (督办) gives the responsible unit to rectify
 * @param serviceHours a center's opening hours on a working day unless its township has its own ({@code 08:30-17:30})
 * @param lunchBreak the default lunch break ({@code 12:00-13:30}), or empty for none
 * @param reminderShare the share of a limit's working time after which the handler is reminded, when the decision
 * gives none ({@code 0.75})
 */
@ConfigurationProperties("daiban.deadline")
public record DeadlineProperties(String signOffReminderAfter, String rectificationLimit, String serviceHours,
		String lunchBreak, Double reminderShare) {

	public DeadlineProperties {
		signOffReminderAfter = signOffReminderAfter == null ? "P3D" : signOffReminderAfter;
		rectificationLimit = rectificationLimit == null ? "P3D" : rectificationLimit;
		serviceHours = serviceHours == null || serviceHours.isBlank() ? "08:30-17:30" : serviceHours;
		lunchBreak = lunchBreak == null ? "" : lunchBreak;
		reminderShare = reminderShare == null ? 0.75 : reminderShare;
		WorkingTimeLimit.parse("daiban.deadline.sign-off-reminder-after", signOffReminderAfter);
		WorkingTimeLimit.parse("daiban.deadline.rectification-limit", rectificationLimit);
		if (reminderShare <= 0 || reminderShare >= 1) {
			throw new IllegalArgumentException("daiban.deadline.reminder-share must lie between 0 and 1: " + reminderShare);
		}
	}

}
