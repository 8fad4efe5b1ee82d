package com.daiban.worklist.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.Caller;
import com.daiban.identity.WebappSessions;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import com.daiban.input.PhoneNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Fills a Camunda start form as Tasklist loads it, for the person loading it. Tasklist passes no variables to a start
 * form, so the form's {@code valuesKey} lists would stay empty: they are filled here from the organisation and the live
 * catalogue, and nothing about villages or items is written in {@code forms/}.
 * <ul>
 * <li>{@code valuesKey: villageOptions} — the caller's own villages (one: chosen already);</li>
 * <li>{@code valuesKey: townshipVillageOptions} — the villages of the townships whose center or supervision office
 * the caller belongs to;</li>
 * <li>{@code valuesKey: serviceItemOptions} — the active items of the catalogue;</li>
 * <li>a text with custom property {@code fillFrom: serviceItemMaterials} — the materials of the item picked;</li>
 * <li>a field with custom property {@code inputRule: phone} — the phone rule of {@link PhoneNumber}, so the browser
 * checks what the server will check.</li>
 * </ul>
 */
class StartFormFill extends OncePerRequestFilter {

	static final String VILLAGE_OPTIONS = "villageOptions";

	static final String TOWNSHIP_VILLAGE_OPTIONS = "townshipVillageOptions";

	static final String SERVICE_ITEM_OPTIONS = "serviceItemOptions";

	private static final Pattern START_FORM = Pattern.compile(".*/process-definition/[^/]+(/tenant-id/[^/]+)?/deployed-start-form$");

	private final Organisation organisation;

	private final ServiceCatalogue catalogue;

	private final ObjectMapper json;

	private final String engineName;

	StartFormFill(Organisation organisation, ServiceCatalogue catalogue, ObjectMapper json, String engineName) {
		this.organisation = organisation;
		this.catalogue = catalogue;
		this.json = json;
		this.engineName = engineName;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !START_FORM.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		byte[] body = wrapper.getContentAsByteArray();
		Optional<Caller> caller = WebappSessions.callerOf(request, engineName);
		if (wrapper.getStatus() == 200 && caller.isPresent() && body.length > 0 && body[0] == '{') {
			JsonNode form = json.readTree(body);
			if (form.get("components") instanceof ArrayNode components && fill(components, caller.get())) {
				byte[] filled = json.writeValueAsBytes(form);
				wrapper.resetBuffer();
				wrapper.setContentType("application/json;charset=UTF-8");
				wrapper.getOutputStream().write(filled);
			}
		}
		wrapper.copyBodyToResponse();
	}

	/** @return whether anything was filled */
	boolean fill(ArrayNode components, Caller caller) {
		boolean filled = false;
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode node : components) {
			if (!(node instanceof ObjectNode component)) {
				result.add(node);
				continue;
			}
			String valuesKey = component.path("valuesKey").asText("");
			JsonNode properties = component.path("properties");
			if (VILLAGE_OPTIONS.equals(valuesKey) || TOWNSHIP_VILLAGE_OPTIONS.equals(valuesKey)) {
				List<Village> villages = VILLAGE_OPTIONS.equals(valuesKey) ? villagesOf(caller) : villagesOfTownships(caller);
				component.remove("valuesKey");
				ArrayNode values = component.putArray("values");
				villages.forEach(v -> values.addObject().put("label", v.code() + " " + v.name()).put("value", v.code()));
				if (villages.size() == 1) {
					component.put("defaultValue", villages.get(0).code());
				}
				filled = true;
			}
			else if (SERVICE_ITEM_OPTIONS.equals(valuesKey)) {
				component.remove("valuesKey");
				ArrayNode values = component.putArray("values");
				catalogue.items()
					.forEach(i -> values.addObject()
						.put("label", i.code() + " " + i.name() + "（" + levelLabel(i.level()) + "）")
						.put("value", i.code()));
				filled = true;
			}
			else if ("phone".equals(properties.path("inputRule").asText())) {
				((ObjectNode) component.with("validate")).put("pattern", "^(?:" + PhoneNumber.PATTERN + ")$");
				filled = true;
			}
			else if ("serviceItemMaterials".equals(properties.path("fillFrom").asText())) {
				String key = properties.path("of").asText("serviceItemCode");
				component.putObject("conditional").put("hide", "=" + key + " != null and " + key + " != \"\"");
				result.add(component);
				for (ServiceItem item : catalogue.items()) {
					result.add(materials(component.path("id").asText(), key, item));
				}
				filled = true;
				continue;
			}
			result.add(component);
		}
		components.removeAll();
		components.addAll(result);
		return filled;
	}

	private ObjectNode materials(String id, String key, ServiceItem item) {
		ObjectNode text = json.createObjectNode();
		text.put("type", "text");
		text.put("id", id + "_" + item.code().replaceAll("[^A-Za-z0-9]", "_"));
		String materials = item.materials() == null || item.materials().isBlank() ? "无需另备材料" : item.materials();
		text.put("text", "**所需材料**（" + item.name() + "）：" + materials);
		text.putObject("conditional").put("hide", "=" + key + " != \"" + feelString(item.code()) + "\"");
		return text;
	}

	private List<Village> villagesOf(Caller caller) {
		if (caller.isAdmin()) {
			return organisation.villages();
		}
		return organisation.villages().stream().filter(v -> caller.villages().contains(v.code())).toList();
	}

	private List<Village> villagesOfTownships(Caller caller) {
		if (caller.isAdmin()) {
			return organisation.villages();
		}
		return organisation.villages()
			.stream()
			.filter(v -> caller.townships().contains(v.townshipCode())
					|| caller.supervisedTownships().contains(v.townshipCode()))
			.toList();
	}

	private static String feelString(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	static String levelLabel(String level) {
		return switch (level == null ? "" : level) {
			case "VILLAGE" -> "村级";
			case "TOWNSHIP" -> "镇级";
			case "CITY" -> "市级";
			default -> "未定级";
		};
	}


}
