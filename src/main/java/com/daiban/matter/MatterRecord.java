package com.daiban.matter;

import java.time.OffsetDateTime;

/**
 * One row of the registration ledger (代办事项服务登记表). {@code signedOffBy}: the agent who entered the resident's
 * confirmation, or {@link MatterLedger#RESIDENT_HIMSELF}.
 */
public record MatterRecord(String matterNo, String villageCode, String townshipCode, String serviceItemCode,
		String channel, String residentName, String residentPhone, String description, String agentId, String agentName,
		String agentPhone, String level, String handlingGroup, String timeLimit, OffsetDateTime acceptedAt,
		OffsetDateTime dueAt, String handlerId, String outcome, String reply, OffsetDateTime completedAt, Boolean onTime,
		Boolean satisfied, Integer rating, String signOffNote, OffsetDateTime signedOffAt, int reworkCount, MatterStatus status,
		String withdrawalReason, OffsetDateTime closedAt, String processInstanceId, String signedOffBy,
		String closingReason) {

	/** Past its promise and not yet completed, or completed after it. */
	public boolean overdue(OffsetDateTime now) {
		// a paused matter's clock stands; a terminated one has no promise left to keep
		if (dueAt == null || status == MatterStatus.TERMINATED || status == MatterStatus.PAUSED) {
			return false;
		}
		return completedAt == null ? now.isAfter(dueAt) && status != MatterStatus.WITHDRAWN : completedAt.isAfter(dueAt);
	}

	/** Ended: closed, withdrawn or terminated; nothing may change it any more. */
	public boolean ended() {
		return closedAt != null;
	}

}
