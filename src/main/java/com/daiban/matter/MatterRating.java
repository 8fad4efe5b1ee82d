package com.daiban.matter;

/** One rating a resident gave at sign-off (1–5 stars); {@code confirmed} is false for a round they rejected. */
public record MatterRating(String matterNo, int rating, boolean satisfied, boolean confirmed) {
}
