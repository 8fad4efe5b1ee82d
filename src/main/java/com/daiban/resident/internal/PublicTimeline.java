package com.daiban.resident.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.daiban.matter.TimelineEntry;

/**
 * A matter's timeline as a resident reads it: one plain Chinese sentence per step, made from the kind of step only.
 * Staff notes, names and free text stay with staff; a kind this page does not know shows as a general update.
 */
final class PublicTimeline {

	static final String VIEWED = "RESIDENT_VIEWED";

	static final String CODE_SENT = "RESIDENT_CODE_SENT";

	static final String THROTTLED = "RESIDENT_THROTTLED";

	private static final Pattern LATEST = Pattern.compile("最迟 (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})");

	private static final Map<String, String> PLAIN = Map.ofEntries(Map.entry("ACCEPTED", "代办员已受理您的委托"),
			Map.entry("RETURNED", "材料不全，代办员会联系您补充材料"),
			Map.entry("SIGNED_OFF", "已签字确认办理结果"),
			Map.entry("REJECTED", "不认可办理结果，已退回重新办理"),
			Map.entry("CLOSED", "事项已办结归档"),
			Map.entry("WITHDRAWN", "事项已撤回"),
			Map.entry("COMPLAINT", "收到关于本事项的实名投诉，镇便民服务中心核实处理"),
			Map.entry(CODE_SENT, "已向委托人手机发送签字验证码"));

	/** Steps the resident made themselves only to read, or that say nothing about the matter's progress. */
	private static final List<String> HIDDEN = List.of(VIEWED, THROTTLED);

	private PublicTimeline() {
	}

	record Step(OffsetDateTime at, String text) {
	}

	static List<Step> of(List<TimelineEntry> entries) {
		List<Step> steps = new ArrayList<>();
		for (TimelineEntry entry : entries) {
			if (HIDDEN.contains(entry.kind())) {
				continue;
			}
			steps.add(new Step(entry.occurredAt(), sentence(entry)));
		}
		return steps;
	}

	private static String sentence(TimelineEntry entry) {
		String detail = entry.detail() == null ? "" : entry.detail();
		switch (entry.kind()) {
			case "PROMISED" -> {
				Matcher latest = LATEST.matcher(detail);
				return latest.find() ? "承诺在 " + latest.group(1) + " 前办结答复" : "已承诺办结时限";
			}
			case "HANDLED" -> {
				// the detail starts with the outcome's label (已办结, 非本单位职责, 无法办理), our own words
				int colon = detail.indexOf('：');
				String outcome = colon < 0 ? detail : detail.substring(0, colon);
				return "办理单位已答复：" + (outcome.isBlank() || outcome.length() > 20 ? "已办理" : outcome);
			}
			default -> {
				return PLAIN.getOrDefault(entry.kind(), "事项有新的办理进展");
			}
		}
	}

	static boolean viewedSince(List<TimelineEntry> entries, OffsetDateTime since) {
		return entries.stream().anyMatch(e -> VIEWED.equals(e.kind()) && e.occurredAt().isAfter(since));
	}

}
