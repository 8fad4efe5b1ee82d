package com.daiban.matter.internal;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.Clock;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.daiban.catalogue.ServiceItem;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterRecord;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import org.springframework.stereotype.Component;

/**
 * The 限时办结承诺单 / 代办事项服务登记表 of one matter as an A4 page: the promise the agent gives the resident, with the
 * phones to call and the line the resident signs on completion.
 */
@Component
class PromiseSlip {

	private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d+)D");

	private final PromiseSlipProperties properties;

	private final ZoneId zone;

	PromiseSlip(PromiseSlipProperties properties, Clock clock) {
		this.properties = properties;
		this.zone = clock.getZone();
	}

	String render(MatterRecord m, ServiceItem item, Village village, Township township) {
		String townshipName = township == null ? m.townshipCode() : township.name();
		boolean city = "city-center".equals(m.handlingGroup());
		String windowPhone = city && !properties.cityCenterPhone().isBlank() ? properties.cityCenterPhone()
				: township == null || township.hotline() == null ? "" : township.hotline();
		String unit = city ? "市政务服务中心" : "VILLAGE".equals(m.level()) ? (village == null ? "" : village.name()) + "代办点"
				: townshipName + "便民服务中心";
		StringBuilder html = new StringBuilder(4096);
		html.append("""
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="UTF-8"><title>限时办结承诺单 %1$s</title>
				<style>
				@page { size: A4; margin: 18mm 16mm; }
				body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif; font-size: 14px; color: #000; max-width: 178mm; margin: 0 auto; }
				h1 { font-size: 22px; text-align: center; margin: 0 0 2px; letter-spacing: 2px; }
				h2 { font-size: 15px; text-align: center; font-weight: normal; margin: 0 0 14px; }
				table { width: 100%%; border-collapse: collapse; }
				th, td { border: 1px solid #000; padding: 7px 8px; text-align: left; vertical-align: top; }
				th { width: 24%%; background: #f2f2f2; font-weight: normal; }
				.promise { font-size: 16px; font-weight: bold; }
				.sign { margin-top: 26px; line-height: 2.6; }
				.sign span { display: inline-block; min-width: 46mm; border-bottom: 1px solid #000; }
				.note { font-size: 12px; margin-top: 14px; }
				.no-print { margin: 12px 0; text-align: right; }
				@media print { .no-print { display: none; } }
				</style></head><body>
				<div class="no-print"><button type="button" onclick="window.print()">打印</button></div>
				<h1>限时办结承诺单</h1>
				<h2>代办事项服务登记表 · %2$s</h2>
				<table>
				""".formatted(htmlEscape(m.matterNo()), htmlEscape(townshipName)));
		row(html, "事项编号", "<strong id=\"matter-no\">" + htmlEscape(m.matterNo()) + "</strong>");
		row(html, "服务事项", htmlEscape(item == null ? m.serviceItemCode() : item.name()));
		if (item != null && item.materials() != null && !item.materials().isBlank()) {
			row(html, "所需材料", htmlEscape(item.materials()));
		}
		row(html, "委托人", htmlEscape(m.residentName()) + "　联系电话 " + htmlEscape(masked(m.residentPhone())));
		row(html, "代办点", htmlEscape(village == null ? m.villageCode() : village.name()) + "　"
				+ htmlEscape(channelLabel(m.channel())));
		row(html, "受理时间", htmlEscape(format(m.acceptedAt())));
		row(html, "办理单位", htmlEscape(unit) + (windowPhone.isBlank() ? "" : "　窗口电话 " + htmlEscape(windowPhone)));
		row(html, "承诺时限", htmlEscape(limitText(m)));
		row(html, "承诺办结时间", "<span class=\"promise\" id=\"due-at\">" + htmlEscape(format(m.dueAt())) + "</span> 前办结并答复");
		row(html, "代办员", htmlEscape(nullToEmpty(m.agentName())) + "　电话 " + htmlEscape(nullToEmpty(m.agentPhone())));
		row(html, "监督电话", htmlEscape(properties.supervisionHotline()) + "（超过承诺时间未办结，或对代办服务不满意，可实名投诉）");
		row(html, "事项说明", htmlEscape(m.description()));
		html.append("""
				</table>
				<div class="sign">
				<div>办结情况：<span></span><span></span></div>
				<div>委托人签字：<span id="resident-signature"></span>　日期：<span style="min-width:30mm"></span></div>
				<div>代办员签字：<span></span>　日期：<span style="min-width:30mm"></span></div>
				</div>
				<p class="note">本单一式两份，委托人、代办点各执一份。办结后请委托人签字确认，登记表归档备查。</p>
				</body></html>
				""");
		return html.toString();
	}

	private static void row(StringBuilder html, String label, String cell) {
		html.append("<tr><th>").append(label).append("</th><td>").append(cell).append("</td></tr>\n");
	}

	private String format(java.time.OffsetDateTime instant) {
		return instant == null ? "（待定）" : MatterFollowUpController.DAY_AND_TIME.format(instant.atZoneSameInstant(zone));
	}

	private static String limitText(MatterRecord m) {
		String level = switch (m.level() == null ? "" : m.level()) {
			case "TOWNSHIP" -> "镇级事项";
			case "CITY" -> "市级事项";
			case "VILLAGE" -> "村级事项";
			default -> "";
		};
		if (m.timeLimit() == null) {
			return level;
		}
		Matcher days = WORKING_DAYS.matcher(m.timeLimit());
		return level + "，" + (days.matches() ? days.group(1) + " 个工作日" : m.timeLimit()) + "内办结答复";
	}

	private static String channelLabel(String channel) {
		for (Channel known : Channel.values()) {
			if (known.name().equals(channel)) {
				return known.label() + "受理";
			}
		}
		return "";
	}

	/** Printed on paper that may lie about: the middle of the resident's number is hidden. */
	private static String masked(String phone) {
		if (phone == null || phone.length() < 7) {
			return nullToEmpty(phone);
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
