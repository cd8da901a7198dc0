package io.tipdata.benchmarks.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** The entity the Hibernate benchmark persists and finds. */
@Entity
@Table(name = "bench_item")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class BenchItem {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_item_seq")
    @SequenceGenerator(name = "bench_item_seq", sequenceName = "bench_item_seq", allocationSize = 50)
    private Long id;
    private String name;
    private int qty;

    protected BenchItem() {
    }

    BenchItem(String name, int qty) {
        this.name = name;
        this.qty = qty;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }
}
