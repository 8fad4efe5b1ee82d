package com.daiban.complaint.internal;

import java.net.URI;
import java.util.Map;

import com.daiban.complaint.ComplaintDraft;
import com.daiban.complaint.ComplaintKind;
import com.daiban.complaint.ComplaintRecord;
import com.daiban.complaint.Complaints;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.input.PhoneNumber;
import com.daiban.input.PlainText;
import com.daiban.web.NotFoundException;
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
@RequestMapping("/api/complaints")
class ComplaintController {

	private final Complaints complaints;

	private final CallerScope callers;

	ComplaintController(Complaints complaints, CallerScope callers) {
		this.complaints = complaints;
		this.callers = callers;
	}

	@PostMapping
	ResponseEntity<Map<String, String>> file(@Valid @RequestBody FileComplaintRequest request) {
		Caller caller = callers.current();
		String complaintNo = complaints.file(new ComplaintDraft(request.matterNo(), request.villageCode(), request.kind(),
				request.complainant().name(), request.complainant().phone(), request.content()), caller);
		return ResponseEntity.created(URI.create("/api/complaints/" + complaintNo)).body(Map.of("complaintNo", complaintNo));
	}

	/** The complaint for its village, township and supervision office; the complainant's phone is masked. */
	@GetMapping("/{complaintNo}")
	ComplaintRecord find(@PathVariable String complaintNo) {
		Caller caller = callers.current();
		ComplaintRecord c = complaints.find(complaintNo)
			.filter(found -> caller.maySee(found.villageCode(), found.townshipCode(), null))
			.orElseThrow(() -> new NotFoundException("没有这个投诉：" + complaintNo));
		String phone = c.complainantPhone();
		String masked = phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
		return new ComplaintRecord(c.complaintNo(), c.matterNo(), c.villageCode(), c.townshipCode(), c.complaintKind(),
				c.complainantName(), masked, c.content(), c.filedBy(), c.filedAt(), c.verificationDueAt(), c.verified(),
				c.severity(), c.verificationNote(), c.accountabilityNote(), c.verifiedBy(), c.verifiedAt(),
				c.rectificationDueAt(), c.rectificationNote(), c.rectifiedBy(), c.rectifiedAt(), c.satisfaction(),
				c.callbackNote(), c.callbackBy(), c.callbackAt(), c.status(), c.processInstanceId());
	}

	record FileComplaintRequest(@Size(max = 32, message = "过长") @PlainText String matterNo,
			@NotBlank(message = "必填") @Size(max = 16, message = "过长") @PlainText String villageCode, ComplaintKind kind,
			@NotNull(message = "必填") @Valid ComplainantInput complainant,
			@NotBlank(message = "必填") @Size(max = 2000, message = "不超过2000字") @PlainText String content) {
	}

	record ComplainantInput(@NotBlank(message = "必填") @Size(max = 64, message = "不超过64字") @PlainText String name,
			@NotBlank(message = "必填") @Pattern(regexp = PhoneNumber.PATTERN, message = "手机号11位或固定电话") String phone) {
	}

}
