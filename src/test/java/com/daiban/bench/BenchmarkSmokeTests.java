package com.daiban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.daiban.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness at tiny sizes on the test suite's embedded PostgreSQL, so that it keeps working: it must
 * produce its table with a number in every measured cell. No timing is asserted; the figures come from bench/run.
 */
class BenchmarkSmokeTests {

	@Test
	void harnessPrintsOneTableWithEveryFigureMeasured() throws Exception {
		EmbeddedPostgres postgres = TestDatabase.postgres();
		BenchSettings settings = BenchSettings.smoke("localhost", postgres.getPort(), "postgres", "postgres",
				Path.of("target", "bench-smoke"));

		BenchTable table = new DaibanBenchmark(settings).run();
		System.out.println(table.markdown());

		List<String[]> measured = table.rows().stream().filter(row -> !row[0].startsWith("**")).toList();
		assertThat(measured).hasSizeGreaterThanOrEqualTo(17);
		for (String[] row : measured) {
			if (row[0].startsWith("pgbench") && row[1].equals("n/a")) {
				continue; // the machine may have no pgbench binary; everything else is measured here
			}
			assertThat(row[2]).as(row[0]).matches("[0-9][0-9./ ]*|[0-9]+ / [0-9]+");
		}
		// a figure read from the wrong processes would still be a number: the server must have done some work
		String[] serverCpu = measured.stream()
			.filter(row -> row[0].startsWith("PostgreSQL CPU ms per lifecycle"))
			.findFirst()
			.orElseThrow();
		for (String figure : (serverCpu[1] + " / " + serverCpu[2]).split(" / ")) {
			assertThat(Double.parseDouble(figure)).as("PostgreSQL CPU ms per lifecycle").isPositive();
		}
		assertThat(table.markdown()).contains("| figure | baseline | ours | ratio | target | met |");
	}

}
