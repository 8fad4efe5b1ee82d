package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Start listener of Task_DecideRoute: gives the routing decision its inputs from the service catalogue when the
 * matter's registration did not just set them, i.e. when an operator starts the decision again with Cockpit's
 * modification. They are transient (set for the decision only, kept in its history), so a matter that has moved on
 * no longer has them.
 */
@Component
class RouteInputsListener implements ExecutionListener {

	private final ServiceCatalogue catalogue;

	RouteInputsListener(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.hasVariable(ITEM_LEVEL)) {
			return;
		}
		String code = (String) execution.getVariable(SERVICE_ITEM_CODE);
		ServiceItem item = catalogue.find(code)
			.orElseThrow(() -> new IllegalStateException("服务事项 " + code + " 已不在服务目录中，无法重新分流"));
		set(execution, item);
	}

	/** The decision's inputs from the catalogue item, transient: no runtime row, no history row, no delete. */
	static void set(DelegateExecution execution, ServiceItem item) {
		execution.setVariable(CATEGORY, Variables.stringValue(item.categoryCode(), true));
		execution.setVariable(ITEM_LEVEL, Variables.stringValue(item.level(), true));
		execution.setVariable(MODE, Variables.stringValue(item.mode(), true));
	}

}
