package com.daiban.deadline;

import java.time.Instant;

/** The time-limit promise made to the resident (限时办结承诺): done by {@code dueAt}, handler reminded at {@code remindAt}. */
public record Promise(Instant promisedAt, Instant dueAt, Instant remindAt) {
}
