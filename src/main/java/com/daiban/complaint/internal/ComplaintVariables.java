package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import com.daiban.engine.ProcessOwnedVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the complaint's own steps set; the decision's result and the initiator are read from the model. */
@Configuration(proxyBeanMethods = false)
class ComplaintVariables {

	@Bean
	ProcessOwnedVariables complaintOwnedVariables() {
		return ProcessOwnedVariables.of(KEY, COMPLAINT_NO, TOWNSHIP_CODE, MATTER_RUNNING, FILED_BY, LIMITS,
				VERIFICATION_DUE_AT, RECTIFICATION_DUE_AT, "verificationLimit", "rectificationLimit", "notificationScope",
				"handlingGroup");
	}

}
