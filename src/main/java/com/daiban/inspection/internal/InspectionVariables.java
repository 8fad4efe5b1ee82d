package com.daiban.inspection.internal;

import com.daiban.engine.ProcessOwnedVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the monthly inspection's own steps set. */
@Configuration(proxyBeanMethods = false)
class InspectionVariables {

	@Bean
	ProcessOwnedVariables inspectionOwnedVariables() {
		return ProcessOwnedVariables.of("monthly-inspection", "townshipCodes", "inspectionId", "reportSummary",
				"proposalList", "proposalCount");
	}

}
