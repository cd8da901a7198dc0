package io.tipdata.hibernate.domain;

import io.tipdata.hibernate.TipPolicy;
import io.tipdata.jdbc.TablePolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.SecondaryRow;

/**
 * A shipment whose carrier details live in a secondary table. Not optional: Hibernate 7.4's inline update strategy
 * fails on optional secondary tables.
 */
@Entity
@TipPolicy(TablePolicy.ISOLATED)
@Table(name = "shipment")
@SecondaryTable(name = "shipment_detail")
@SecondaryRow(table = "shipment_detail", optional = false)
public class Shipment {
    @Id
    private Long id;
    private String status;
    @Column(table = "shipment_detail")
    private String carrier;

    protected Shipment() {
    }

    public Shipment(long id, String status, String carrier) {
        this.id = id;
        this.status = status;
        this.carrier = carrier;
    }

    public Long getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public String getCarrier() {
        return carrier;
    }
}
