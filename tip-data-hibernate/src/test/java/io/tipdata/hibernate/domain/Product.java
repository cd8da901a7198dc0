package io.tipdata.hibernate.domain;

import io.tipdata.hibernate.TipPolicy;
import io.tipdata.jdbc.TablePolicy;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.NaturalIdCache;

/** The product catalogue: reference data, read by test runs, written by production only. */
@Entity
@TipPolicy(TablePolicy.REFERENCE)
@Table(name = "product")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@NaturalIdCache
public class Product {
    @Id
    private Long id;
    @NaturalId
    private String sku;
    private String name;
    private int price;

    protected Product() {
    }

    public Product(long id, String sku, String name, int price) {
        this.id = id;
        this.sku = sku;
        this.name = name;
        this.price = price;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public int getPrice() {
        return price;
    }
}
