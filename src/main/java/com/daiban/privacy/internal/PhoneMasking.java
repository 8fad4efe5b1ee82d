package com.daiban.privacy.internal;

import java.io.IOException;
import java.util.Optional;

import com.daiban.identity.Caller;
import com.daiban.identity.WebappSessions;
import com.daiban.input.PhoneNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Masks the resident's phone (138****5678) in what the webapps read from the engine (Cockpit's variables tab, its
 * history, a task's form variables) for people who need not call the resident: the supervision offices and anyone
 * else outside the village agents, the handling units and the administrators. The engine keeps the number as it is;
 * notices and the units that call back use it.
 */
class PhoneMasking extends OncePerRequestFilter {

	static final String PHONE_VARIABLE = "residentPhone";

	private final ObjectMapper json;

	private final String engineName;

	PhoneMasking(ObjectMapper json, String engineName) {
		this.json = json;
		this.engineName = engineName;
	}

	/** Agents, the township and city centers and administrators call residents back; nobody else needs the number. */
	static boolean callsResidents(Caller caller) {
		return caller.isAdmin() || caller.isCityCenter() || !caller.villages().isEmpty()
				|| !caller.townships().isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Caller> caller = WebappSessions.callerOf(request, engineName);
		if (caller.isEmpty() || callsResidents(caller.get())) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		byte[] body = wrapper.getContentAsByteArray();
		String type = wrapper.getContentType();
		if (body.length > 0 && type != null && type.contains("json")
				&& new String(body, 0, Math.min(body.length, 1 << 20), java.nio.charset.StandardCharsets.UTF_8)
					.contains(PHONE_VARIABLE)) {
			JsonNode tree = json.readTree(body);
			if (mask(tree)) {
				wrapper.resetBuffer();
				wrapper.getOutputStream().write(json.writeValueAsBytes(tree));
			}
		}
		wrapper.copyBodyToResponse();
	}

	/**
	 * Both shapes the engine API answers with: a list of variables ({@code {"name": "residentPhone", "value": …}}) and
	 * a map by name ({@code {"residentPhone": {"value": …}}}).
	 * @return whether anything was masked
	 */
	static boolean mask(JsonNode node) {
		boolean masked = false;
		if (node instanceof ObjectNode object) {
			if (PHONE_VARIABLE.equals(object.path("name").asText(null)) && object.path("value").isTextual()) {
				object.put("value", PhoneNumber.masked(object.get("value").asText()));
				masked = true;
			}
			if (object.get(PHONE_VARIABLE) instanceof ObjectNode variable && variable.path("value").isTextual()) {
				variable.put("value", PhoneNumber.masked(variable.get("value").asText()));
				masked = true;
			}
		}
		for (JsonNode child : node) {
			masked |= mask(child);
		}
		return masked;
	}

}
