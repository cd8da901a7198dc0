package io.tipdata.hibernate.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import org.hibernate.MappingException;
import org.hibernate.PropertyValueException;
import org.hibernate.binder.internal.TenantIdBinder;
import org.hibernate.boot.SessionFactoryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.boot.spi.SessionFactoryBuilderFactory;
import org.hibernate.boot.spi.SessionFactoryBuilderImplementor;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.internal.TenantIdGeneration;
import org.hibernate.mapping.GeneratorCreator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.StringJavaType;
import org.hibernate.type.internal.BasicTypeImpl;

/**
 * Found through {@code META-INF/services}: when tip-data composes its tenant with the application's
 * ({@code <application tenant>|tip:run:<runId>}), {@code @TenantId} columns and their filter get the application's
 * tenant, as without tip-data. Hibernate fills a {@code @TenantId} attribute and binds its {@code _tenantId} filter
 * with the session's tenant identifier; before the session factory is built this replaces the attribute's generator
 * and the filter parameter's type with ones that take the application's part of the identifier. Returns no builder
 * of its own.
 */
public final class AppTenantComposition implements SessionFactoryBuilderFactory {

    @Override
    public SessionFactoryBuilder getSessionFactoryBuilder(MetadataImplementor metadata,
            SessionFactoryBuilderImplementor defaultBuilder) {
        Map<String, Object> settings = metadata.getMetadataBuildingOptions().getServiceRegistry()
                .requireService(ConfigurationService.class).getSettings();
        if (settings.get(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER) instanceof TipTenantResolver resolver
                && resolver.tenants().composesAppTenants()) {
            compose(metadata, resolver.tenants());
        }
        return null;
    }

    private static void compose(MetadataImplementor metadata, RunTenants tenants) {
        FilterDefinition filter = metadata.getFilterDefinitions().get(TenantIdBinder.FILTER_NAME);
        if (filter == null) {
            return; // no @TenantId: the application's tenant only picks connections and cache keys
        }
        JdbcMapping type = filter.getParameterJdbcMapping(TenantIdBinder.PARAMETER_NAME);
        if (type == null || type.getJavaTypeDescriptor().getJavaTypeClass() != String.class) {
            throw new MappingException("tip-data composes its tenant with the application's only for String @TenantId"
                    + " attributes, not " + (type == null ? "?" : type.getJavaTypeDescriptor().getTypeName())
                    + ": map the tenant column as a String, or set tip.hibernate.enabled=false");
        }
        metadata.getFilterDefinitions().put(TenantIdBinder.FILTER_NAME, new FilterDefinition(filter.getFilterName(),
                filter.getDefaultFilterCondition(), filter.isAutoEnabled(), filter.isAppliedToLoadByKey(),
                Map.of(TenantIdBinder.PARAMETER_NAME, new AppTenantType(type, tenants)), Map.of()));
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getProperties()) {
                GeneratorCreator creator = property.getValueGeneratorCreator();
                if (creator != null && !(creator instanceof AppTenantCreator)) {
                    property.setValueGeneratorCreator(new AppTenantCreator(creator));
                }
            }
        }
    }

    /** Makes the original generator, replacing Hibernate's tenant id generation. */
    private record AppTenantCreator(GeneratorCreator original) implements GeneratorCreator {
        @Override
        public Generator createGenerator(org.hibernate.generator.GeneratorCreationContext context) {
            Generator generator = original.createGenerator(context);
            return generator instanceof TenantIdGeneration ? new AppTenantIdGeneration(generator.getGeneratedType(),
                    context.getPersistentClass() == null ? "?" : context.getPersistentClass().getEntityName(),
                    context.getProperty().getName()) : generator;
        }

        @Override
        public boolean isAssigned() {
            return original.isAssigned();
        }
    }

    /** The application's tenant of the session, into a {@code @TenantId} attribute at insert. */
    static final class AppTenantIdGeneration implements BeforeExecutionGenerator {
        private static final long serialVersionUID = 1L;

        private final Class<?> type;
        private final String entity;
        private final String property;

        AppTenantIdGeneration(Class<?> type, String entity, String property) {
            this.type = type;
            this.entity = entity;
            this.property = property;
        }

        @Override
        public EnumSet<EventType> getEventTypes() {
            return EnumSet.of(EventType.INSERT);
        }

        @Override
        public Class<?> getGeneratedType() {
            return type;
        }

        @Override
        public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
                EventType eventType) {
            Object tenant = session.getTenantIdentifierValue();
            Object resolver = session.getSessionFactory().getCurrentTenantIdentifierResolver();
            Object app = resolver instanceof TipTenantResolver r ? r.tenants().appTenantOf(tenant) : tenant;
            if (currentValue != null) {
                if (session.isRootTenant()) {
                    return currentValue;
                }
                if (!Objects.equals(String.valueOf(currentValue), String.valueOf(app))) {
                    throw new PropertyValueException("assigned tenant id differs from current tenant id ["
                            + currentValue + " != " + app + "]", entity, property);
                }
            }
            return app == null ? null : String.valueOf(app);
        }
    }

    /** The filter parameter's type: binds the application's part of the session's tenant identifier. */
    static final class AppTenantType extends BasicTypeImpl<String> {
        private static final long serialVersionUID = 1L;

        private final transient RunTenants tenants;
        private final transient ValueBinder<String> binder;

        @SuppressWarnings("unchecked")
        AppTenantType(JdbcMapping original, RunTenants tenants) {
            super(StringJavaType.INSTANCE, original.getJdbcType());
            this.tenants = tenants;
            ValueBinder<String> inner = (ValueBinder<String>) original.getJdbcValueBinder();
            this.binder = new ValueBinder<>() {
                @Override
                public void bind(PreparedStatement st, String value, int index, WrapperOptions options)
                        throws SQLException {
                    inner.bind(st, app(value), index, options);
                }

                @Override
                public void bind(CallableStatement st, String value, String name, WrapperOptions options)
                        throws SQLException {
                    inner.bind(st, app(value), name, options);
                }

                @Override
                public Object getBindValue(String value, WrapperOptions options) throws SQLException {
                    return inner.getBindValue(app(value), options);
                }
            };
        }

        private String app(String value) {
            Object app = tenants.appTenantOf(value);
            return app == null ? null : String.valueOf(app);
        }

        @Override
        public ValueBinder<String> getJdbcValueBinder() {
            return binder;
        }

        @Override
        public Object convertToRelationalValue(Object value) {
            return value instanceof String s ? app(s) : value;
        }
    }
}
