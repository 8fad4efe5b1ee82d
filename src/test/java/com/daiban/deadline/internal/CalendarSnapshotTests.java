package com.daiban.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calendar's edges, counted on the national dates exactly as the migration seeds them: T01 keeps the default
 * hours (08:30–17:30), T02 is open until 18:00, T03 has a lunch break (12:00–13:30), T04 is closed on 2026-11-26.
 */
class CalendarSnapshotTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final CalendarSnapshot CALENDAR = seeded();

	@ParameterizedTest(name = "{0}: {1} + {2} working days = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			T01 | 2026-11-25T10:00 | 1 | 2026-11-26T10:00 | inside hours: the same time next working day
			T01 | 2026-11-25T07:00 | 1 | 2026-11-26T08:30 | before opening: counting starts at 08:30
			T01 | 2026-11-25T08:30 | 1 | 2026-11-26T08:30 | at opening
			T01 | 2026-11-25T17:29 | 1 | 2026-11-26T17:29 | the last minute of the day
			T01 | 2026-11-25T17:30 | 1 | 2026-11-27T08:30 | at closing: counting starts the next morning
			T01 | 2026-11-25T21:00 | 1 | 2026-11-27T08:30 | after closing
			T01 | 2026-12-04T18:30 | 1 | 2026-12-08T08:30 | Friday evening: Monday's opening plus one working day
			T01 | 2026-12-05T11:00 | 1 | 2026-12-08T08:30 | Saturday
			T01 | 2026-11-27T15:00 | 1 | 2026-11-30T15:00 | Friday afternoon: Monday
			T01 | 2026-09-30T16:00 | 1 | 2026-10-08T16:00 | the day before National Day (10-01 to 10-07 off)
			T01 | 2026-09-30T16:00 | 5 | 2026-10-13T16:00 | five working days over National Day and the 调休 Saturday 10-10
			T01 | 2026-10-03T10:00 | 1 | 2026-10-09T08:30 | accepted during the holiday
			T01 | 2026-10-09T10:00 | 1 | 2026-10-10T10:00 | a 调休 Saturday is a working day
			T01 | 2026-10-10T07:45 | 0 | 2026-10-10T08:30 | a 调休 Saturday opens with the weekday hours
			T01 | 2026-02-13T16:00 | 1 | 2026-02-14T16:00 | the 调休 Saturday before the Spring Festival
			T01 | 2026-02-14T16:00 | 1 | 2026-02-24T16:00 | Spring Festival 02-15 to 02-23 off
			T01 | 2025-12-31T10:00 | 1 | 2026-01-04T10:00 | year end into next year's New Year holiday, to the 调休 Sunday
			T01 | 2025-12-31T10:00 | 2 | 2026-01-05T10:00 | and on to Monday
			T01 | 2024-12-31T16:00 | 1 | 2025-01-02T16:00 | 2025-01-01 off
			T02 | 2026-11-25T17:45 | 1 | 2026-11-26T17:45 | a township open until 18:00
			T01 | 2026-11-25T17:45 | 1 | 2026-11-27T08:30 | the same instant where the center closed at 17:30
			T02 | 2026-11-25T18:00 | 1 | 2026-11-27T08:30 | its closing time
			T03 | 2026-11-25T12:30 | 1 | 2026-11-26T13:30 | lunch break: counting starts after it
			T03 | 2026-11-25T11:59 | 1 | 2026-11-26T11:59 | just before lunch
			T04 | 2026-11-25T10:00 | 1 | 2026-11-27T10:00 | the township's own closure on 11-26
			T01 | 2026-11-25T23:59 | 0 | 2026-11-26T08:30 | no days: the next opening
			""")
	void shouldCountWorkingDays(String township, String from, int days, String expected, String why) {
		assertThat(CALENDAR.plusWorkingDays(township, at(from), days)).as(why).isEqualTo(at(expected));
	}

	@ParameterizedTest(name = "{0}: {1} + {2} = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			T01 | 2026-11-25T10:00 | PT2H   | 2026-11-25T12:00 | within the day
			T01 | 2026-11-25T16:00 | PT1H30M| 2026-11-25T17:30 | up to closing time exactly
			T01 | 2026-12-04T16:00 | PT8H   | 2026-12-07T15:00 | over the weekend: 1h30 on Friday, 6h30 on Monday
			T01 | 2026-09-30T16:00 | PT6H45M| 2026-10-08T13:45 | three quarters of a working day over National Day
			T03 | 2026-11-25T11:00 | PT2H   | 2026-11-25T14:30 | the lunch break does not count
			T03 | 2026-11-25T12:15 | PT30M  | 2026-11-25T14:00 | from inside the lunch break
			T01 | 2026-11-28T10:00 | PT0S   | 2026-11-30T08:30 | zero from a Saturday: Monday's opening
			""")
	void shouldAddWorkingTime(String township, String from, Duration time, String expected, String why) {
		assertThat(CALENDAR.plusWorkingTime(township, at(from), time)).as(why).isEqualTo(at(expected));
	}

	@ParameterizedTest(name = "{0}: {1} to {2} = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			T01 | 2026-09-30T16:00 | 2026-10-08T16:00 | PT9H     | one working day over the holiday
			T01 | 2026-11-25T10:00 | 2026-11-25T11:00 | PT1H     | within the day
			T01 | 2026-11-27T17:00 | 2026-11-30T09:00 | PT1H     | half an hour on Friday, half an hour on Monday
			T03 | 2026-11-25T08:30 | 2026-11-25T17:30 | PT7H30M  | a day with a lunch break
			T01 | 2026-11-25T11:00 | 2026-11-25T10:00 | PT0S     | backwards
			T02 | 2026-11-25T08:30 | 2026-11-26T08:30 | PT9H30M  | a day until 18:00
			""")
	void shouldMeasureWorkingTime(String township, String from, String to, Duration expected, String why) {
		assertThat(CALENDAR.workingTimeBetween(township, at(from), at(to))).as(why).isEqualTo(expected);
	}

	@Test
	void shouldAnswerTheSameInstantWhenOpenAndTheNextOpeningWhenClosed() {
		Instant open = at("2026-11-25T10:15:30.123");
		assertThat(CALENDAR.nextOpening("T01", open)).isEqualTo(open);
		assertThat(CALENDAR.nextOpening("T01", at("2026-10-01T10:00"))).isEqualTo(at("2026-10-08T08:30"));
		assertThat(CALENDAR.nextOpening("T03", at("2026-11-25T12:00"))).isEqualTo(at("2026-11-25T13:30"));
	}

	@Test
	void shouldLetATownshipRowWinOverTheNationalOne() {
		assertThat(CALENDAR.isWorkingDay("T04", LocalDate.parse("2026-11-26"))).isFalse();
		assertThat(CALENDAR.isWorkingDay("T01", LocalDate.parse("2026-11-26"))).isTrue();
		assertThat(CALENDAR.isWorkingDay(null, LocalDate.parse("2026-10-10"))).isTrue();
		assertThat(CALENDAR.isWorkingDay(null, LocalDate.parse("2026-10-01"))).isFalse();
		assertThat(CALENDAR.nationalYears()).containsExactly(2024, 2025, 2026);
	}

	private static Instant at(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	/** The national rows of the migration, read from its text so that the table tested is the table seeded. */
	static List<CalendarDay> seededDays() {
		try {
			String sql = Files.readString(Path.of("src/main/resources/db/migration/V30__working_calendar.sql"),
					StandardCharsets.UTF_8);
			Matcher row = Pattern.compile("\\('CN', DATE '([0-9-]+)', '(OFF|WORK)', '([^']+)'\\)").matcher(sql);
			List<CalendarDay> days = new ArrayList<>();
			while (row.find()) {
				days.add(new CalendarDay("CN", LocalDate.parse(row.group(1)), CalendarDay.Kind.valueOf(row.group(2)),
						row.group(3)));
			}
			return days;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static CalendarSnapshot seeded() {
		List<CalendarDay> days = new ArrayList<>(seededDays());
		assertThat(days).hasSize(108);
		days.add(new CalendarDay("T04", LocalDate.parse("2026-11-26"), CalendarDay.Kind.OFF, "镇庆活动闭馆"));
		return new CalendarSnapshot(ZONE, days,
				Map.of("T02", new ServiceHours(LocalTime.of(8, 30), LocalTime.of(18, 0), null, null), "T03",
						new ServiceHours(LocalTime.of(8, 30), LocalTime.of(17, 30), LocalTime.of(12, 0), LocalTime.of(13, 30))),
				ServiceHours.DEFAULT);
	}

	@Test
	void shouldKeepOffsetsOfTheExamplesInTheTownshipZone() {
		assertThat(CALENDAR.plusWorkingDays("T01", OffsetDateTime.parse("2026-09-30T16:00:00+08:00").toInstant(), 1))
			.isEqualTo(OffsetDateTime.parse("2026-10-08T16:00:00+08:00").toInstant());
	}

}
