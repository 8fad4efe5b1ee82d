package com.daiban.matter;

/** A matter as the agent takes it down, before it has a number. */
public record MatterDraft(String villageCode, String serviceItemCode, Channel channel, String residentName,
		String residentPhone, String description, String agentId) {
}
