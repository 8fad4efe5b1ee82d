package com.daiban.complaint;

import java.time.OffsetDateTime;

/** One complaint and how far it has come. */
public record ComplaintRecord(String complaintNo, String matterNo, String villageCode, String townshipCode,
		String complaintKind, String complainantName, String complainantPhone, String content, String filedBy,
		OffsetDateTime filedAt, OffsetDateTime verificationDueAt, Boolean verified, String severity,
		String verificationNote, String accountabilityNote, String verifiedBy, OffsetDateTime verifiedAt,
		OffsetDateTime rectificationDueAt, String rectificationNote, String rectifiedBy, OffsetDateTime rectifiedAt,
		String satisfaction, String callbackNote, String callbackBy, OffsetDateTime callbackAt, String status,
		String processInstanceId) {
}
