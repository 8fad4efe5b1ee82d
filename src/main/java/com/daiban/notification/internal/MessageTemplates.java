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
					"【便民代办】您委托的事项 {matterNo}「{serviceItemName}」已有办理结果：{reply}\n可点下方链接签字确认并评价，或由代办员联系您确认。" }),
			Map.entry("SIGN_OFF_REMINDER", new String[] { "待委托人签字确认 {matterNo}",
					"事项 {matterNo} 已答复，尚待委托人 {residentName} 签字确认，请尽快联系。" }),
			Map.entry("RETURNED", new String[] { "代办事项材料不全退回 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」材料不全被退回：{reply}\n请联系委托人补充材料。" }),
			Map.entry("PAUSED", new String[] { "代办事项中止办理 {matterNo}",
					"【便民代办】您委托的事项 {matterNo}「{serviceItemName}」暂时中止办理：{pauseReason}\n中止期间不计入办理时限，续办时另行通知。" }),
			Map.entry("RESUMED", new String[] { "代办事项恢复办理 {matterNo}",
					"【便民代办】您委托的事项 {matterNo}「{serviceItemName}」已恢复办理，承诺 {dueAt} 前办结答复。" }),
			Map.entry("TRANSFERRED", new String[] { "代办事项转办 {matterNo}",
					"【便民代办】事项 {matterNo}「{serviceItemName}」已转由{handlingUnitName}办理（{transferReason}），承诺时限不变：{dueAt} 前办结答复。" }),
			Map.entry("TERMINATED", new String[] { "代办事项终止办理 {matterNo}",
					"【便民代办】事项 {matterNo}「{serviceItemName}」已终止办理：{terminationReason}" }),
			Map.entry("URGED", new String[] { "催办 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」被催办（第 {urgeCount} 次），承诺时限 {dueAt}，请尽快办结答复。{urgeNote}" }),
			Map.entry("EXTENSION_APPROVED", new String[] { "代办事项延期 {matterNo}",
					"【便民代办】事项 {matterNo}「{serviceItemName}」经督查办批准延期，新的承诺时限为 {dueAt}。" }),
			Map.entry("EXTENSION_REFUSED", new String[] { "延期申请未批准 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」的延期申请未获批准（{extensionOpinion}），请在原承诺时限 {dueAt} 前办结。" }),
			Map.entry("HIGHER_LEVEL", new String[] { "督办事项逾期未整改，请上级督办 {matterNo}",
					"事项 {matterNo}「{serviceItemName}」（{handlingUnitName}办理）经镇督查办督办后仍逾期未整改，请上级督办。" }));

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
		return new Message(fill(template[0], variables), fill(template[1], variables), parameters(template[1], variables));
	}

	static Message custom(String subject, String text, Map<String, Object> variables) {
		return new Message(fill(subject, variables), fill(text, variables), parameters(text, variables));
	}

	/** The values the text names, formatted as in the text. */
	static Map<String, String> parameters(String template, Map<String, Object> variables) {
		Map<String, String> parameters = new java.util.LinkedHashMap<>();
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			parameters.put(matcher.group(1), format(variables.get(matcher.group(1))));
		}
		return parameters;
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
