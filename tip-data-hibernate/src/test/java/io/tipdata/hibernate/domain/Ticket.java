package io.tipdata.hibernate.domain;

import io.tipdata.hibernate.TipPolicy;
import io.tipdata.jdbc.TablePolicy;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A support ticket of an application that keeps each tenant in a schema (database) of its own; cached. */
@Entity
@Table(name = "ticket")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@TipPolicy(TablePolicy.ISOLATED)
public class Ticket {
    @Id
    private Long id;
    private String title;

    protected Ticket() {
    }

    public Ticket(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
