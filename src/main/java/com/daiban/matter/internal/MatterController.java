package com.daiban.matter.internal;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.input.PhoneNumber;
import com.daiban.input.PlainText;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterNotFoundException;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.TimelineEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/matters")
class MatterController {

	private final MatterIntake intake;

	private final MatterLedger ledger;

	private final CallerScope callers;

	private final Clock clock;

	MatterController(MatterIntake intake, MatterLedger ledger, CallerScope callers, Clock clock) {
		this.intake = intake;
		this.ledger = ledger;
		this.callers = callers;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<AcceptedMatter> accept(@Valid @RequestBody AcceptMatterRequest request) {
		Caller caller = callers.current();
		AcceptedMatter accepted = intake.accept(new MatterDraft(request.villageCode(), request.serviceItemCode(),
				request.channel(), request.resident().name(), request.resident().phone(), request.description(),
				caller.userId()), caller);
		return ResponseEntity.created(URI.create("/api/matters/" + accepted.matterNo())).body(accepted);
	}

	@GetMapping("/{matterNo}")
	MatterView find(@PathVariable String matterNo) {
		Caller caller = callers.current();
		MatterRecord matter = ledger.find(matterNo)
			.filter(m -> caller.maySee(m.villageCode(), m.townshipCode(), m.handlingGroup()))
			.orElseThrow(() -> new MatterNotFoundException(matterNo));
		return MatterView.of(matter, ledger.timeline(matterNo), OffsetDateTime.now(clock));
	}

	@PostMapping("/{matterNo}/withdrawal")
	ResponseEntity<Void> withdraw(@PathVariable String matterNo, @Valid @RequestBody WithdrawalRequest request) {
		intake.withdraw(matterNo, request.reason(), callers.current());
		return ResponseEntity.noContent().build();
	}

	record AcceptMatterRequest(@NotBlank(message = "必填") @Size(max = 16, message = "过长") String villageCode,
			@NotBlank(message = "必填") @Size(max = 32, message = "过长") String serviceItemCode,
			@NotNull(message = "必填：OFFICE、HOME 或 PHONE") Channel channel,
			@NotNull(message = "必填") @Valid ResidentInput resident,
			@NotBlank(message = "必填") @Size(max = 2000, message = "不超过2000字") @PlainText String description) {
	}

	record ResidentInput(@NotBlank(message = "必填") @Size(max = 64, message = "不超过64字") @PlainText String name,
			@NotBlank(message = "必填") @Pattern(regexp = PhoneNumber.PATTERN,
					message = "手机号11位或固定电话") String phone) {
	}

	record WithdrawalRequest(@NotBlank(message = "必填") @Size(max = 500, message = "不超过500字") @PlainText String reason) {
	}

	record ResidentView(String name, String phone) {
	}

	record MatterView(String matterNo, String status, String level, String villageCode, String townshipCode,
			String serviceItemCode, String channel, ResidentView resident, String description, String agentId,
			String agentName, String agentPhone, String handlingGroup, String timeLimit, OffsetDateTime acceptedAt,
			OffsetDateTime dueAt, boolean overdue, String handlerId, String outcome, String reply,
			OffsetDateTime completedAt, Boolean onTime, Boolean satisfied, Integer rating, OffsetDateTime signedOffAt,
			int reworkCount, String withdrawalReason, OffsetDateTime closedAt, List<TimelineEntry> timeline) {

		static MatterView of(MatterRecord m, List<TimelineEntry> timeline, OffsetDateTime now) {
			return new MatterView(m.matterNo(), m.status(), m.level(), m.villageCode(), m.townshipCode(),
					m.serviceItemCode(), m.channel(), new ResidentView(m.residentName(), mask(m.residentPhone())),
					m.description(), m.agentId(), m.agentName(), m.agentPhone(), m.handlingGroup(), m.timeLimit(),
					m.acceptedAt(), m.dueAt(), m.overdue(now), m.handlerId(), m.outcome(), m.reply(), m.completedAt(),
					m.onTime(), m.satisfied(), m.rating(), m.signedOffAt(), m.reworkCount(), m.withdrawalReason(),
					m.closedAt(), timeline);
		}

		/** 13812345678 → 138****5678: the resident's phone is not for everyone who can read the matter. */
		static String mask(String phone) {
			if (phone == null || phone.length() < 7) {
				return phone;
			}
			return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
		}

	}

}
