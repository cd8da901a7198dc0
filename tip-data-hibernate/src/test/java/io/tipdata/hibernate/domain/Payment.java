package io.tipdata.hibernate.domain;

import io.tipdata.hibernate.TipPolicy;
import io.tipdata.jdbc.TablePolicy;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The root of a JOINED hierarchy: payment, card_payment, transfer_payment. */
@Entity
@TipPolicy(TablePolicy.ISOLATED)
@Table(name = "payment")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 10)
    private Long id;
    @ManyToOne(optional = false)
    private PurchaseOrder purchaseOrder;
    private long amount;

    protected Payment() {
    }

    protected Payment(PurchaseOrder order, long amount) {
        this.purchaseOrder = order;
        this.amount = amount;
    }

    public Long getId() {
        return id;
    }

    public PurchaseOrder getPurchaseOrder() {
        return purchaseOrder;
    }

    public long getAmount() {
        return amount;
    }
}
