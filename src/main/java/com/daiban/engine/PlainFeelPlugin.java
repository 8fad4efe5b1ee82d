package com.daiban.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link PlainFeelEngine} in front of Camunda's Scala FEEL engine for every decision the process engine evaluates.
 * Nothing changes for an engine set to the legacy FEEL behaviour ({@code dmn-feel-enable-legacy-behavior}), which has a
 * FEEL engine of its own.
 */
@Component
class PlainFeelPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.isDmnFeelEnableLegacyBehavior()) {
			return;
		}
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		if (dmn.getFeelEngineFactory() == null) {
			dmn.setFeelEngineFactory(new Factory(dmn));
		}
	}

	/** Builds the Scala engine only when the DMN engine is built, so that it gets the custom functions set by then. */
	static final class Factory implements FeelEngineFactory {

		private final DefaultDmnEngineConfiguration dmn;

		Factory(DefaultDmnEngineConfiguration dmn) {
			this.dmn = dmn;
		}

		@Override
		public FeelEngine createInstance() {
			return new PlainFeelEngine(new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance());
		}

	}

}
