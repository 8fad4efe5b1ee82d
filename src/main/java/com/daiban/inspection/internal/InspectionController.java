package com.daiban.inspection.internal;

import java.util.List;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.input.PlainText;
import com.daiban.inspection.InspectionReport;
import com.daiban.inspection.Inspections;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.web.ForbiddenException;
import com.daiban.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The review of a monthly inspection entry by entry, for the township's supervision office. */
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

	private final Inspections inspections;

	private final CallerScope callers;

	InspectionController(Inspections inspections, CallerScope callers) {
		this.inspections = inspections;
		this.callers = callers;
	}

	@GetMapping("/{id}")
	InspectionView find(@PathVariable long id) {
		Caller caller = callers.current();
		InspectionReport report = inspections.find(id)
			.filter(r -> caller.maySeeTownship(r.townshipCode()))
			.orElseThrow(() -> new NotFoundException("没有这次检查：" + id));
		return new InspectionView(report, inspections.proposals(id));
	}

	@PostMapping("/{id}/decisions")
	@Transactional
	InspectionView decide(@PathVariable long id, @Valid @RequestBody List<@Valid Decision> decisions) {
		Caller caller = callers.current();
		InspectionReport report = inspections.find(id)
			.filter(r -> caller.maySeeTownship(r.townshipCode()))
			.orElseThrow(() -> new NotFoundException("没有这次检查：" + id));
		if (!caller.isAdmin() && !caller.supervisedTownships().contains(report.townshipCode())) {
			throw new ForbiddenException("只有本镇督查办可以复核负面清单");
		}
		for (Decision decision : decisions) {
			inspections.decide(id, decision.entryId(), "CONFIRM".equals(decision.decision()), caller.userId(),
					decision.note());
		}
		return new InspectionView(report, inspections.proposals(id));
	}

	record Decision(@NotNull(message = "必填") Long entryId,
			@NotNull(message = "必填") @Pattern(regexp = "CONFIRM|STRIKE", message = "只能是 CONFIRM 或 STRIKE") String decision,
			@Size(max = 500, message = "不超过500字") @PlainText String note) {
	}

	record InspectionView(InspectionReport report, List<NegativeListEntry> proposals) {
	}

}
