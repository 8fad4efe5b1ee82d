package com.daiban.handling.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.matter.ClosingReason;
import com.daiban.matter.MatterForbiddenException;
import com.daiban.matter.MatterLedger;
import com.daiban.input.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The clock operations on a matter (中止、续办、转办、延期、终止、催办) and the paused-time report. */
@RestController
class HandlingController {

	private final MatterOperations operations;

	private final HandlingLog log;

	private final CallerScope callers;

	private final MatterLedger ledger;

	HandlingController(MatterOperations operations, HandlingLog log, CallerScope callers, MatterLedger ledger) {
		this.operations = operations;
		this.log = log;
		this.callers = callers;
		this.ledger = ledger;
	}

	@PostMapping("/api/matters/{matterNo}/pause")
	ResponseEntity<Void> pause(@PathVariable String matterNo, @Valid @RequestBody ReasonRequest request) {
		operations.pause(matterNo, request.reason(), callers.current());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/matters/{matterNo}/resume")
	ResponseEntity<Void> resume(@PathVariable String matterNo, @Valid @RequestBody(required = false) ResumeRequest request) {
		operations.resume(matterNo, request == null ? null : request.note(), callers.current());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/matters/{matterNo}/transfer")
	Map<String, String> transfer(@PathVariable String matterNo, @Valid @RequestBody TransferRequest request) {
		return Map.of("handlingGroup", operations.transfer(matterNo, request.toUnit(), request.reason(), callers.current()));
	}

	@PostMapping("/api/matters/{matterNo}/extension")
	ResponseEntity<Void> extension(@PathVariable String matterNo, @Valid @RequestBody ExtensionRequest request) {
		operations.requestExtension(matterNo, request.workingDays(), request.reason(), callers.current());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/matters/{matterNo}/termination")
	ResponseEntity<Void> terminate(@PathVariable String matterNo, @Valid @RequestBody TerminationRequest request) {
		operations.terminate(matterNo, request.reason(),
				request.closingReason() == null ? ClosingReason.TERMINATED : request.closingReason(), callers.current());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/matters/{matterNo}/urge")
	ResponseEntity<Void> urge(@PathVariable String matterNo, @Valid @RequestBody(required = false) UrgeRequest request) {
		operations.urge(matterNo, request == null ? null : request.note(), callers.current());
		return ResponseEntity.noContent().build();
	}

	/** Paused working time of a township's matters in a year, per handling unit and per matter. */
	@GetMapping("/api/paused-time")
	Map<String, Object> pausedTime(@RequestParam String township, @RequestParam int year) {
		Caller caller = callers.current();
		if (!caller.maySeeTownship(township)) {
			throw new MatterForbiddenException("只能查看本镇的中止统计");
		}
		ZoneId zone = ZoneId.systemDefault();
		List<HandlingLog.PausedTime> rows = log.pausedTime(township,
				LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime(),
				LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime());
		Map<String, UnitTotal> units = new LinkedHashMap<>();
		for (HandlingLog.PausedTime row : rows) {
			units.merge(row.handlingGroup(), new UnitTotal(row.handlingGroup(), 1, row.pauses(), row.pausedWorkingTime().toMinutes()),
					(a, b) -> new UnitTotal(a.handlingGroup(), a.matters() + 1, a.pauses() + b.pauses(),
							a.pausedWorkingMinutes() + b.pausedWorkingMinutes()));
		}
		return Map.of("township", township, "year", year, "units", List.copyOf(units.values()), "matters",
				rows.stream().map(r -> new MatterTotal(r.matterNo(), r.handlingGroup(), r.pauses(),
						r.pausedWorkingTime().toMinutes(), r.openPauses() > 0)).toList());
	}

	/** How a township's matters ended in a year, one count per closing reason (done, transferred, … terminated). */
	@GetMapping("/api/closing-reasons")
	List<ReasonCount> closingReasons(@RequestParam String township, @RequestParam int year) {
		if (!callers.current().maySeeTownship(township)) {
			throw new MatterForbiddenException("只能查看本镇的办结统计");
		}
		ZoneId zone = ZoneId.systemDefault();
		return ledger.closingReasonCounts(township, LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime(),
				LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime())
			.entrySet()
			.stream()
			.map(e -> new ReasonCount(e.getKey().name(), e.getKey().label(), e.getValue()))
			.toList();
	}

	record ReasonCount(String closingReason, String label, int count) {
	}

	record UnitTotal(String handlingGroup, int matters, int pauses, long pausedWorkingMinutes) {
	}

	record MatterTotal(String matterNo, String handlingGroup, int pauses, long pausedWorkingMinutes, boolean pausedNow) {
	}

	record ReasonRequest(@NotBlank(message = "必填：中止原因") @Size(max = 500, message = "不超过500字") @PlainText String reason) {
	}

	record ResumeRequest(@Size(max = 500, message = "不超过500字") @PlainText String note) {
	}

	record TransferRequest(@Size(max = 64, message = "过长") String toUnit,
			@NotBlank(message = "必填：转办原因") @Size(max = 500, message = "不超过500字") @PlainText String reason) {
	}

	record ExtensionRequest(@NotNull(message = "必填：延长的工作日数") Integer workingDays,
			@NotBlank(message = "必填：延期理由") @Size(max = 500, message = "不超过500字") @PlainText String reason) {
	}

	record TerminationRequest(@NotBlank(message = "必填：终止原因") @Size(max = 500, message = "不超过500字") @PlainText String reason,
			ClosingReason closingReason) {
	}

	record UrgeRequest(@Size(max = 200, message = "不超过200字") @PlainText String note) {
	}

}
