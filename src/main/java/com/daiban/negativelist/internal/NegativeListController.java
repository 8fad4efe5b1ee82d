package com.daiban.negativelist.internal;

import java.util.List;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class NegativeListController {

	private final NegativeList negativeList;

	private final CallerScope callers;

	NegativeListController(NegativeList negativeList, CallerScope callers) {
		this.negativeList = negativeList;
		this.callers = callers;
	}

	/** The year's entries that the caller may see: their village, township, or supervised township. */
	@GetMapping("/api/negative-list")
	List<NegativeListEntry> entries(
			@RequestParam @Min(value = 2000, message = "year 应为四位年份") @Max(value = 2100, message = "year 应为四位年份") int year,
			@RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9]{1,16}", message = "township 格式不正确") String township,
			@RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9]{1,16}", message = "village 格式不正确") String village) {
		Caller caller = callers.current();
		return negativeList.entries(year, township, village)
			.stream()
			.filter(e -> caller.maySee(e.villageCode(), e.townshipCode(), e.responsibleUnit()))
			.toList();
	}

}
