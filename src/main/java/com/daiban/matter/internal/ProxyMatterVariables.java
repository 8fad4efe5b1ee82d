package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import com.daiban.engine.ProcessOwnedVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the matter's own steps set; the routing outputs and the initiator are read from the model. */
@Configuration(proxyBeanMethods = false)
class ProxyMatterVariables {

	@Bean
	ProcessOwnedVariables proxyMatterOwnedVariables() {
		return ProcessOwnedVariables.of(KEY, MATTER_NO, TOWNSHIP_CODE, SERVICE_ITEM_NAME, CATEGORY, ITEM_LEVEL, MODE,
				AGENT_ID, LEVEL, HANDLING_GROUP, DUE_AT, "remindAt", "promiseRound", "withdrawnBy", "complaintNo",
				"complaintSummary");
	}

}
