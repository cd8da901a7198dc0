package io.tipdata.hibernate.internal;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives each session the tenant identifier of the context it is opened in (see {@link RunTenants}), composed with
 * the application's tenant when the application has a resolver of its own.
 */
public final class TipTenantResolver implements CurrentTenantIdentifierResolver<String> {

    private final RunTenants tenants;

    /** A resolver over the run tenants of one session factory. */
    public TipTenantResolver(RunTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        return tenants.current();
    }

    /** Current sessions ({@code getCurrentSession()}) of another context are refused by Hibernate. */
    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    /** A root tenant of the application's stays root in every context. */
    @Override
    public boolean isRoot(String tenantId) {
        return tenants.isRoot(tenantId);
    }

    /** The tenant mechanism. */
    public RunTenants tenants() {
        return tenants;
    }
}
