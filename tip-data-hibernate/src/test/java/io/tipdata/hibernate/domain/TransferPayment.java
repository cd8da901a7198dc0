package io.tipdata.hibernate.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A bank transfer (JOINED subclass). */
@Entity
@Table(name = "transfer_payment")
public class TransferPayment extends Payment {
    private String iban;

    protected TransferPayment() {
    }

    public TransferPayment(PurchaseOrder order, long amount, String iban) {
        super(order, amount);
        this.iban = iban;
    }

    public String getIban() {
        return iban;
    }
}
