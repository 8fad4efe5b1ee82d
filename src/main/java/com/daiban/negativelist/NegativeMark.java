package com.daiban.negativelist;

/** What to put on the negative list; {@code idempotencyKey} names the event so that marking twice marks once. */
public record NegativeMark(String idempotencyKey, String matterNo, NegativeListReason reason, String severity, String subject,
		String responsibleUnit, String handlerId, String villageCode, String townshipCode, String detail) {
}
