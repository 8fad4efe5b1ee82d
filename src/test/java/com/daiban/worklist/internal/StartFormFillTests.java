package com.daiban.worklist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.identity.Caller;
import com.daiban.organisation.Organisation;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.input.PhoneNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The accept form as Tasklist receives it: the caller's villages, the live catalogue, the phone rule, the materials. */
@DaibanSpringBootTest
class StartFormFillTests {

	private static final Path FORM = Path.of("forms", "accept-matter.form");

	@Autowired
	Organisation organisation;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	ObjectMapper json;

	@Test
	void shouldHoldNoVillageOrItemCodeInAnyFormFile() throws IOException {
		try (var forms = Files.list(Path.of("forms"))) {
			for (Path file : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
				assertThat(Files.readString(file)).as(file.toString())
					.doesNotContainPattern("\"V0\\d\"")
					.doesNotContain("MZ-001", "宏杨村");
			}
		}
		// the accept form's phone rule is the server's, filled in at load
		assertThat(Files.readString(FORM)).doesNotContain("1[3-9]");
	}

	@Test
	void shouldOfferTheTownshipCenterTheVillagesOfItsTownship() throws IOException {
		ArrayNode components = filled(Path.of("forms", "complaint-file.form"),
				new Caller("clerk-t01", List.of("township-T01")));

		List<String> ofT01 = organisation.villages()
			.stream()
			.filter(v -> v.townshipCode().equals("T01"))
			.map(v -> v.code())
			.toList();
		assertThat(ofT01).isNotEmpty().hasSizeLessThan(organisation.villages().size());
		assertThat(component(components, "villageCode").path("values").findValuesAsText("value"))
			.containsExactlyElementsOf(ofT01);
	}

	@Test
	void shouldOfferTheAgentsOwnVillageAndTheLiveCatalogue() throws IOException {
		ArrayNode components = filled(new Caller("agent-v01-a", List.of("village-V01")));

		JsonNode village = component(components, "villageCode");
		assertThat(village.path("values").findValuesAsText("value")).containsExactly("V01");
		assertThat(village.path("defaultValue").asText()).isEqualTo("V01");
		assertThat(village.has("valuesKey")).isFalse();
		assertThat(component(components, "serviceItemCode").path("values").findValuesAsText("value"))
			.hasSize(catalogue.items().size())
			.contains("MZ-001");
		assertThat(filled(new Caller("admin", List.of("camunda-admin"))).path(1).path("values").size())
			.isEqualTo(organisation.villages().size());
	}

	@Test
	void shouldCheckThePhoneWithTheServersRuleAndShowTheMaterialsOfTheItemPicked() throws IOException {
		ArrayNode components = filled(new Caller("agent-v01-a", List.of("village-V01")));

		Pattern phone = Pattern.compile(component(components, "residentPhone").path("validate").path("pattern").asText());
		assertThat(phone.matcher("138 1234-5678").find()).isTrue();
		assertThat(phone.matcher("0573-8450 0001").find()).isTrue();
		assertThat(phone.matcher("12345").find()).isFalse();
		assertThat(phone.matcher("138123456789").find()).isFalse();
		assertThat(PhoneNumber.isValid("138 1234-5678")).isTrue();

		JsonNode materials = null;
		for (JsonNode component : components) {
			if (component.path("conditional").path("hide").asText().equals("=serviceItemCode != \"MZ-001\"")) {
				materials = component;
			}
		}
		assertThat(materials).as("a text shown for MZ-001 only").isNotNull();
		assertThat(materials.path("text").asText()).contains("身份证、户口簿、家庭收入证明");
	}

	private ArrayNode filled(Caller caller) throws IOException {
		return filled(FORM, caller);
	}

	private ArrayNode filled(Path form, Caller caller) throws IOException {
		ArrayNode components = (ArrayNode) json.readTree(Files.readString(form)).get("components");
		new StartFormFill(organisation, catalogue, json, "default").fill(components, caller);
		return components;
	}

	private static JsonNode component(ArrayNode components, String key) {
		for (JsonNode component : components) {
			if (key.equals(component.path("key").asText())) {
				return component;
			}
		}
		throw new AssertionError("no field " + key);
	}

}
