package com.daiban.dashboard.internal;

import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;

/** Chinese names of the codes the workspace shows: statuses, timeline kinds, units. */
final class Labels {

	private Labels() {
	}

	static String status(String status, boolean overdue) {
		String label = switch (status) {
			case "ACCEPTED" -> "已受理";
			case "HANDLING" -> "办理中";
			case "RETURNED" -> "退回补充材料";
			case "REPLIED" -> "待签字确认";
			case "CLOSED" -> "已办结归档";
			case "WITHDRAWN" -> "已撤回";
			case "PAUSED" -> "暂停计时";
			default -> status;
		};
		return overdue ? label + "（已超时）" : label;
	}

	static String event(String kind) {
		return switch (kind) {
			case "ACCEPTED" -> "受理";
			case "PROMISED" -> "承诺时限";
			case "HANDLED" -> "办理";
			case "RETURNED" -> "退回补充材料";
			case "SIGNED_OFF" -> "签字确认";
			case "REJECTED" -> "不认可，退回重办";
			case "CLOSED" -> "办结归档";
			case "WITHDRAWN" -> "撤回";
			case "COMPLAINT" -> "投诉";
			case "URGED" -> "督办";
			case "EXTENSION_REQUESTED" -> "申请延期";
			case "EXTENSION_APPROVED" -> "批准延期";
			case "PAUSED" -> "暂停计时";
			case "RESUMED" -> "恢复计时";
			case "TRANSFERRED" -> "转办";
			default -> kind;
		};
	}

	static String negativeStatus(String status) {
		return switch (status) {
			case "PROPOSED" -> "待复核";
			case "CONFIRMED" -> "已确认";
			case "STRUCK" -> "已撤销";
			default -> status;
		};
	}

	static String channel(String channel) {
		return switch (channel) {
			case "SMS" -> "短信";
			case "EMAIL" -> "邮件";
			case "LOG" -> "系统记录";
			default -> channel;
		};
	}

	/** township-T01 → 干窑镇便民服务中心, village-V01 → 宏杨村代办点; other ids as they are. */
	static String unit(String unit, Organisation organisation) {
		if (unit == null) {
			return "";
		}
		if (unit.equals("city-center")) {
			return "市政务服务中心";
		}
		String group = unit.contains(" / ") ? unit.substring(0, unit.indexOf(" / ")) : unit;
		String person = unit.contains(" / ") ? unit.substring(unit.indexOf(" / ")) : "";
		if (group.startsWith("township-")) {
			String code = group.substring("township-".length());
			return organisation.findTownship(code).map(Township::name).orElse(code) + "便民服务中心" + person;
		}
		if (group.startsWith("village-")) {
			String code = group.substring("village-".length());
			return organisation.findVillage(code).map(Village::name).orElse(code) + "代办点" + person;
		}
		if (group.startsWith("supervision-")) {
			String code = group.substring("supervision-".length());
			return organisation.findTownship(code).map(Township::name).orElse(code) + "督查办" + person;
		}
		return organisation.findTownship(unit).map(Township::name).orElse(unit);
	}

}
