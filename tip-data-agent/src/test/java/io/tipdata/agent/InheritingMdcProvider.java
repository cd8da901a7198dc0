package io.tipdata.agent;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC that hands its values down to child threads, as some production
 * adapters do; selected with {@code -Dslf4j.provider} in the JVMs the agent tests start.
 */
public final class InheritingMdcProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
