package com.daiban.negativelist;

import java.time.OffsetDateTime;

/**
 * One entry of the negative list (负面清单), with the supervision office's review ({@link NegativeListStatus}).
 */
public record NegativeListEntry(long id, String matterNo, NegativeListReason reason, String severity, String subject,
		String responsibleUnit, String handlerId, String villageCode, String townshipCode, OffsetDateTime recordedAt,
		int recordYear, String detail, NegativeListStatus status, String reviewedBy, OffsetDateTime reviewedAt, String reviewNote) {
}
