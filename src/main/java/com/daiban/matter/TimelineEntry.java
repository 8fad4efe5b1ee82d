package com.daiban.matter;

import java.time.OffsetDateTime;

public record TimelineEntry(OffsetDateTime occurredAt, String kind, String actor, String detail) {
}
