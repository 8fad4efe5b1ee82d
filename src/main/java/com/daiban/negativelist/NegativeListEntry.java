package com.daiban.negativelist;

import java.time.OffsetDateTime;

/**
 * One entry of the negative list (负面清单). {@code status} is PROPOSED until the supervision office reviews it in the
 * monthly inspection, then CONFIRMED or STRUCK.
 */
public record NegativeListEntry(long id, String matterNo, String reason, String severity, String subject,
		String responsibleUnit, String handlerId, String villageCode, String townshipCode, OffsetDateTime recordedAt,
		int recordYear, String detail, String status, String reviewedBy, OffsetDateTime reviewedAt, String reviewNote) {
}
