package com.daiban.catalogue.internal;

import java.util.List;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceItemController {

	private final ServiceCatalogue catalogue;

	ServiceItemController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/service-items")
	List<ServiceItem> items() {
		return catalogue.items();
	}

}
