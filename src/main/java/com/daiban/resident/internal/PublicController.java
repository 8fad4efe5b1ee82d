package com.daiban.resident.internal;

import java.net.URI;
import java.util.Map;

import com.daiban.input.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The residents' API: no login; {@link PublicSurfaceFilter} guards it (same origin, JSON, size, rate). */
@RestController
@RequestMapping(value = "/api/public", produces = "application/json")
class PublicController {

	private static final String NUMBER = "[A-Za-z0-9-]{1,32}";

	private static final String LAST4 = "\\d{4}";

	private static final String MOBILE = "1[3-9]\\d{9}";

	private final MatterDesk matters;

	private final ComplaintDesk complaints;

	private final NoticeBoard noticeBoard;

	PublicController(MatterDesk matters, ComplaintDesk complaints, NoticeBoard noticeBoard) {
		this.matters = matters;
		this.complaints = complaints;
		this.noticeBoard = noticeBoard;
	}

	@PostMapping("/matters/lookup")
	MatterDesk.MatterView lookUp(@Valid @RequestBody LookupRequest request, HttpServletRequest http) {
		return matters.lookUp(request.matterNo(), request.phoneLast4(), http.getRemoteAddr());
	}

	@PostMapping("/matters/sign-off-code")
	MatterDesk.CodeSent signOffCode(@Valid @RequestBody LookupRequest request, HttpServletRequest http) {
		return matters.sendSignOffCode(request.matterNo(), request.phoneLast4(), http.getRemoteAddr());
	}

	@PostMapping("/matters/sign-off")
	Map<String, String> signOff(@Valid @RequestBody SignOffRequest request, HttpServletRequest http) {
		return Map.of("message", matters.signOff(request.matterNo(), request.phoneLast4(), request.code(),
				request.confirmed(), request.rating(), request.comment(), http.getRemoteAddr()));
	}

	@PostMapping("/complaints/code")
	MatterDesk.CodeSent complaintCode(@Valid @RequestBody PhoneRequest request, HttpServletRequest http) {
		return complaints.sendCode(request.phone(), http.getRemoteAddr());
	}

	@PostMapping("/complaints")
	ResponseEntity<Map<String, String>> complain(@Valid @RequestBody ComplaintRequest request) {
		String complaintNo = complaints.file(request.name().trim(), request.phone(), request.code(), request.villageCode(),
				request.matterNo(), request.content().trim());
		return ResponseEntity.created(URI.create("/resident/?no=" + complaintNo))
			.body(Map.of("complaintNo", complaintNo, "message", "投诉已受理，镇便民服务中心将按时限核实并短信答复您"));
	}

	@PostMapping("/complaints/lookup")
	ComplaintDesk.ComplaintView complaint(@Valid @RequestBody ComplaintLookupRequest request, HttpServletRequest http) {
		return complaints.lookUp(request.complaintNo(), request.phoneLast4(), http.getRemoteAddr());
	}

	@GetMapping("/notice-board")
	NoticeBoard.Board noticeBoard(
			@RequestParam(required = false) @Size(max = 16, message = "村代码过长") @Pattern(regexp = "[A-Za-z0-9-]*",
					message = "村代码只含字母、数字和连字符") String village) {
		return noticeBoard.board(village);
	}

	record LookupRequest(
			@NotBlank(message = "请填写事项编号") @Pattern(regexp = NUMBER, message = "编号只含字母、数字和连字符，如 T01-20261128-0001") String matterNo,
			@NotBlank(message = "请填写手机号后4位") @Pattern(regexp = LAST4, message = "请填写手机号后4位数字") String phoneLast4) {
	}

	record ComplaintLookupRequest(
			@NotBlank(message = "请填写投诉编号") @Pattern(regexp = NUMBER, message = "编号只含字母、数字和连字符，如 TS-T01-20261128-001") String complaintNo,
			@NotBlank(message = "请填写手机号后4位") @Pattern(regexp = LAST4, message = "请填写手机号后4位数字") String phoneLast4) {
	}

	record SignOffRequest(
			@NotBlank(message = "请填写事项编号") @Pattern(regexp = NUMBER, message = "编号只含字母、数字和连字符") String matterNo,
			@NotBlank(message = "请填写手机号后4位") @Pattern(regexp = LAST4, message = "请填写手机号后4位数字") String phoneLast4,
			@NotBlank(message = "请填写短信验证码") @Pattern(regexp = "\\d{6}", message = "验证码是6位数字") String code,
			@NotNull(message = "请选择是否认可办理结果") Boolean confirmed,
			@NotNull(message = "请选择1至5星评价") @Min(value = 1, message = "评价为1至5星") @Max(value = 5, message = "评价为1至5星") Integer rating,
			@Size(max = 500, message = "意见不超过500字") @PlainText String comment) {
	}

	record PhoneRequest(@NotBlank(message = "请填写手机号") @Pattern(regexp = MOBILE, message = "请填写11位手机号") String phone) {
	}

	record ComplaintRequest(
			@NotBlank(message = "请填写您的姓名") @Size(max = 64, message = "姓名不超过64字") @PlainText String name,
			@NotBlank(message = "请填写手机号") @Pattern(regexp = MOBILE, message = "请填写11位手机号") String phone,
			@NotBlank(message = "请填写短信验证码") @Pattern(regexp = "\\d{6}", message = "验证码是6位数字") String code,
			@NotBlank(message = "请选择您所在的村") @Size(max = 16, message = "村代码过长") @Pattern(regexp = "[A-Za-z0-9-]+", message = "请从列表中选择村") String villageCode,
			@Size(max = 32, message = "事项编号过长") @Pattern(regexp = "[A-Za-z0-9-]*", message = "编号只含字母、数字和连字符") String matterNo,
			@NotBlank(message = "请填写投诉内容") @Size(max = 2000, message = "投诉内容不超过2000字") @PlainText String content) {
	}

}
