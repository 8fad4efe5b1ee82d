package com.daiban.matter;

import java.time.OffsetDateTime;

public record AcceptedMatter(String matterNo, String level, OffsetDateTime dueAt, String processInstanceId) {
}
