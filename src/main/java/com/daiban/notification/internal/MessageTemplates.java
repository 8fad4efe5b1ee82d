package com.daiban.notification.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese texts of the notifications the model names by kind. A model may instead give its own text with
 * {@code {variable}} placeholders, so analysts add notifications without Java.
 */
final class MessageTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Map<String, String[]> TEMPLATES = Map.ofEntries(
			Map.entry("PROMISE", new String[] { "代办事项已受理 {matterNo}",
					"【便民代办】您委托的「{serviceItemName}」已受理，编号 {matterNo}，由{handlingUnitName}办理，承诺 {dueAt} 前办结答复。" }),
			Map.entry("REMINDER", new String[] { "代办事项即将到期 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」将于 {dueAt} 到期，请尽快办结答复。" }),
			Map.entry("OVERDUE", new String[] { "代办事项超时 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」已超过承诺时限 {dueAt} 仍未办结，已记入负面清单并转督查办督办。" }),
			Map.entry("RECTIFICATION_OVERDUE", new String[] { "督办事项逾期未整改 {matterNo}",
					"督办事项 {matterNo}「{serviceItemName}」超过整改期限仍未办结，请升级处理。" }),
			Map.entry("REPLIED", new String[] { "代办事项已有结果 {matterNo}",
					"【便民代办】您委托的事项 {matterNo}「{serviceItemName}」已有办理结果：{reply}\n代办员将与您联系签字确认。" }),
			Map.entry("SIGN_OFF_REMINDER", new String[] { "待委托人签字确认 {matterNo}",
					"事项 {matterNo} 已答复，尚待委托人 {residentName} 签字确认，请尽快联系。" }),
			Map.entry("RETURNED", new String[] { "代办事项材料不全退回 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」材料不全被退回：{reply}\n请联系委托人补充材料。" }));

	private MessageTemplates() {
	}

	static boolean knows(String kind) {
		return TEMPLATES.containsKey(kind);
	}

	static Message forKind(String kind, Map<String, Object> variables) {
		String[] template = TEMPLATES.get(kind);
		if (template == null) {
			throw new IllegalArgumentException("unknown notification kind " + kind + " and no messageText given");
		}
		return new Message(fill(template[0], variables), fill(template[1], variables));
	}

	static Message custom(String subject, String text, Map<String, Object> variables) {
		return new Message(fill(subject, variables), fill(text, variables));
	}

	static String fill(String template, Map<String, Object> variables) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			Object value = variables.get(matcher.group(1));
			matcher.appendReplacement(out, Matcher.quoteReplacement(format(value)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String format(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Date date) {
			return MINUTES.format(date.toInstant().atZone(ZoneId.of("Asia/Shanghai")));
		}
		return value.toString();
	}

}
