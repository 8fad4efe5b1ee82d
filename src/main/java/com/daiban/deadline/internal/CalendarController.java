package com.daiban.deadline.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.web.ForbiddenException;
import com.daiban.web.InvalidInputException;
import com.daiban.input.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The working calendar for administrators (camunda-admin): holidays and 调休 days, townships' closures and hours, and
 * the audit trail. Everyone signed in may read it; only administrators change it.
 */
@RestController
@RequestMapping("/api/calendar")
@Validated
class CalendarController {

	private static final String TOWNSHIP = "[A-Za-z0-9]{1,16}";

	private final CalendarMaintenance maintenance;

	private final CallerScope callers;

	CalendarController(CalendarMaintenance maintenance, CallerScope callers) {
		this.maintenance = maintenance;
		this.callers = callers;
	}

	/** The year's national dates, or a township's own ones. */
	@GetMapping("/days")
	List<DayView> days(
			@RequestParam @Min(value = 2000, message = "year 应为四位年份") @Max(value = 2100, message = "year 应为四位年份") int year,
			@RequestParam(required = false) @Pattern(regexp = TOWNSHIP, message = "township 格式不正确") String township) {
		callers.current();
		return maintenance.days(year, township).stream().map(DayView::of).toList();
	}

	@PostMapping("/days")
	ResponseEntity<Map<String, Object>> put(@Valid @RequestBody DayInput input) {
		boolean changed = maintenance.put(input.township(), input.date(), input.kind(), input.name(), admin().userId());
		return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("changed", changed));
	}

	@DeleteMapping("/days/{date}")
	ResponseEntity<Void> remove(@PathVariable LocalDate date,
			@RequestParam(required = false) @Pattern(regexp = TOWNSHIP, message = "township 格式不正确") String township) {
		boolean removed = maintenance.remove(township, date, admin().userId());
		if (!removed) {
			throw new InvalidInputException("date", "日历中没有这一天：" + date);
		}
		return ResponseEntity.noContent().build();
	}

	/** A .tsv or .xlsx with the columns date, kind, name: all rows or none. */
	@PostMapping(path = "/days/upload", consumes = "multipart/form-data")
	Map<String, Integer> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Pattern(regexp = TOWNSHIP, message = "township 格式不正确") String township) {
		String by = admin().userId();
		try {
			return maintenance.upload(township, file.getOriginalFilename(), file.getInputStream(), by);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/hours")
	Map<String, Object> hours() {
		callers.current();
		return maintenance.hours();
	}

	@PutMapping("/hours/{township}")
	ResponseEntity<Void> putHours(@PathVariable @Pattern(regexp = TOWNSHIP, message = "township 格式不正确") String township,
			@Valid @RequestBody HoursInput input) {
		String by = admin().userId();
		ServiceHours hours;
		try {
			hours = new ServiceHours(input.opensAt(), input.closesAt(), input.lunchFrom(), input.lunchUntil());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(input.lunchFrom() != null || input.lunchUntil() != null ? "lunchFrom" : "closesAt",
					e.getMessage());
		}
		maintenance.putHours(township, hours, by);
		return ResponseEntity.noContent().build();
	}

	/** The township keeps the default hours again. */
	@DeleteMapping("/hours/{township}")
	ResponseEntity<Void> removeHours(@PathVariable @Pattern(regexp = TOWNSHIP, message = "township 格式不正确") String township) {
		maintenance.putHours(township, null, admin().userId());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/audit")
	List<CalendarStore.AuditEntry> audit(@RequestParam(defaultValue = "100") @Min(value = 1, message = "limit 至少为 1")
			@Max(value = 1000, message = "limit 至多为 1000") int limit) {
		admin();
		return maintenance.audit(limit);
	}

	private Caller admin() {
		Caller caller = callers.current();
		if (!caller.isAdmin()) {
			throw new ForbiddenException("只有管理员可以维护工作日历");
		}
		return caller;
	}

	record DayInput(@NotNull(message = "date 不能为空") LocalDate date,
			@NotNull(message = "kind 不能为空") @Pattern(regexp = "OFF|WORK", message = "kind 应为 OFF（放假）或 WORK（调休上班）") String kind,
			@NotNull(message = "name 不能为空") @Size(min = 1, max = 100, message = "name 为 1 至 100 字") @PlainText String name,
			@Pattern(regexp = TOWNSHIP, message = "township 格式不正确") String township) {
	}

	record HoursInput(@NotNull(message = "opensAt 不能为空") LocalTime opensAt,
			@NotNull(message = "closesAt 不能为空") LocalTime closesAt, LocalTime lunchFrom, LocalTime lunchUntil) {
	}

	record DayView(LocalDate date, String kind, String name, String township) {

		static DayView of(CalendarDay day) {
			return new DayView(day.date(), day.kind().name(), day.name(), day.national() ? null : day.scope());
		}

	}

}
