package com.daiban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.daiban.bench.DaibanBenchmark.Latency;

/**
 * P3's resident look-up: {@code POST /api/public/matters/lookup} of random historic matters with the right phone
 * digits, as a resident's phone sends it (JSON, the page's header, each sample from another forwarded address so that
 * the per-client rate limit measures nothing but the look-up).
 */
final class ResidentLookupBench {

	private final HttpClient http = HttpClient.newHttpClient();

	private final BenchApp app;

	ResidentLookupBench(BenchApp app) {
		this.app = app;
	}

	Latency measure(int samples) throws Exception {
		List<String[]> matters = app.jdbc.query(
				"SELECT matter_no, resident_phone FROM matter ORDER BY random() LIMIT ?",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2) }, samples + 5);
		int warmup = Math.min(5, samples);
		double[] millis = new double[samples];
		for (int i = 0; i < warmup + samples; i++) {
			String[] matter = matters.get(i % matters.size());
			long start = System.nanoTime();
			lookUp(matter[0], matter[1].substring(matter[1].length() - 4), i);
			if (i >= warmup) {
				millis[i - warmup] = (System.nanoTime() - start) / 1e6;
			}
		}
		return Latency.of(millis);
	}

	private void lookUp(String matterNo, String last4, int sample) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + app.port() + "/api/public/matters/lookup"))
			.header("Content-Type", "application/json")
			.header("X-Daiban-Resident", "1")
			.header("X-Forwarded-For", "10.%d.%d.%d".formatted(sample / 65536 % 256, sample / 256 % 256, sample % 256))
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"matterNo\":\"%s\",\"phoneLast4\":\"%s\"}".formatted(matterNo, last4), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("resident look-up of " + matterNo + " answered " + response.statusCode()
					+ ": " + response.body());
		}
	}

}
