package io.tipdata.hibernate.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A card payment (JOINED subclass). */
@Entity
@Table(name = "card_payment")
public class CardPayment extends Payment {
    private String cardLast4;

    protected CardPayment() {
    }

    public CardPayment(PurchaseOrder order, long amount, String cardLast4) {
        super(order, amount);
        this.cardLast4 = cardLast4;
    }

    public String getCardLast4() {
        return cardLast4;
    }
}
