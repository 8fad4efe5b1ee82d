package com.daiban.complaint;

/** A complaint as it is taken down; {@code matterNo} and {@code kind} are optional. */
public record ComplaintDraft(String matterNo, String villageCode, ComplaintKind kind, String complainantName,
		String complainantPhone, String content) {
}
