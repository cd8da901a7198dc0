package io.tipdata.core;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC: the tests need an MDC that keeps values, and this one (SLF4J's
 * own {@link BasicMDCAdapter}) hands them down to child threads, as some production adapters do.
 * Selected with the system property {@code slf4j.provider} in this module's surefire settings.
 */
public final class InheritingMdcProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
