package com.daiban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the packages by capability honest: no cycles, no reaching into another module's internals. */
class ModularityTests {

	@Test
	void shouldKeepModulesFreeOfCyclesAndInternalAccess() {
		ApplicationModules.of(DaibanApplication.class).verify();
	}

}
