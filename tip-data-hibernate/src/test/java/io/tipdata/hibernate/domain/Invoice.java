package io.tipdata.hibernate.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.TenantId;

/** An invoice of the application's own tenants: a {@code @TenantId} discriminator column, cached. */
@Entity
@Table(name = "invoice")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Invoice {
    @Id
    private Long id;
    @TenantId
    private String tenant;
    private String number;

    protected Invoice() {
    }

    public Invoice(long id, String number) {
        this.id = id;
        this.number = number;
    }

    public Long getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getNumber() {
        return number;
    }
}
