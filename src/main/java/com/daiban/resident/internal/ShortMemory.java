package com.daiban.resident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Values the public pages read on every request and that change rarely (names, the notice board), kept a while. */
final class ShortMemory {

	private final Clock clock;

	private final Duration keep;

	private final Map<String, Kept> kept = new ConcurrentHashMap<>();

	ShortMemory(Clock clock, Duration keep) {
		this.clock = clock;
		this.keep = keep;
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> lookup) {
		Instant now = clock.instant();
		Kept hit = kept.get(key);
		if (hit != null && hit.until().isAfter(now)) {
			return (T) hit.value();
		}
		T value = lookup.get();
		if (kept.size() > 10_000) {
			kept.clear();
		}
		kept.put(key, new Kept(value, now.plus(keep)));
		return value;
	}

	private record Kept(Object value, Instant until) {
	}

}
