package io.tipdata.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Table policies declared by the mapping: {@link TipPolicy} and {@code tip.hibernate.policy.<table>} settings. */
class MappingPoliciesTest {

    /** An entity with an element collection and a many-to-many join table of its own. */
    @Entity(name = "Ledger")
    @Table(name = "ledger")
    @TipPolicy(TablePolicy.ISOLATED)
    static class Ledger {
        @Id
        Long id;
        @ElementCollection
        Set<String> tags = new HashSet<>();
        @ManyToMany
        @JoinTable(name = "ledger_account")
        Set<Account> accounts = new HashSet<>();
    }

    /** Reference data on the inverse side of the ledgers' join table. */
    @Entity(name = "Account")
    @Table(name = "account")
    @TipPolicy(TablePolicy.REFERENCE)
    static class Account {
        @Id
        Long id;
        @ManyToMany(mappedBy = "accounts")
        Set<Ledger> ledgers = new HashSet<>();
    }

    /** No annotation. */
    @Entity(name = "Note")
    @Table(name = "note")
    static class Note {
        @Id
        Long id;
    }

    /** The same table as Ledger, with another policy. */
    @Entity(name = "LedgerView")
    @Table(name = "ledger")
    @TipPolicy(TablePolicy.REFERENCE)
    static class LedgerView {
        @Id
        Long id;
    }

    @Test
    void theShopsPoliciesComeFromItsAnnotationsAndSettings() {
        assertThat(ShopDatabase.policies().exactNames()).containsOnly(entry("customer", TablePolicy.ISOLATED),
                entry("purchase_order", TablePolicy.ISOLATED), entry("order_line", TablePolicy.ISOLATED),
                entry("payment", TablePolicy.ISOLATED), entry("card_payment", TablePolicy.ISOLATED),
                entry("transfer_payment", TablePolicy.ISOLATED), entry("shipment", TablePolicy.ISOLATED),
                entry("shipment_detail", TablePolicy.ISOLATED), entry("invoice", TablePolicy.ISOLATED),
                entry("product", TablePolicy.REFERENCE));
    }

    @Test
    void collectionAndJoinTablesTakeTheOwningEntitysPolicyAndSettingsWin() {
        TablePolicies p = TipHibernate.policies(Map.of("tip.hibernate.policy.note", "Reference",
                "tip.hibernate.policy.ledger_tags", TablePolicy.DENIED), Ledger.class, Account.class, Note.class);
        assertThat(p.exactNames()).containsOnly(entry("ledger", TablePolicy.ISOLATED),
                entry("account", TablePolicy.REFERENCE), entry("ledger_account", TablePolicy.ISOLATED),
                entry("ledger_tags", TablePolicy.DENIED), entry("note", TablePolicy.REFERENCE));
        assertThat(TipHibernate.policies(Map.of(), Note.class).exactNames()).isEmpty();
    }

    @Test
    void policiesAddToTheApplicationsOtherTables() {
        TablePolicies p = TipHibernate.policies(TablePolicies.builder().table(TablePolicy.REFERENCE, "country"),
                Map.of("tip.hibernate.policy.note", "denied"), Note.class);
        assertThat(p.exactNames()).containsOnly(entry("country", TablePolicy.REFERENCE),
                entry("note", TablePolicy.DENIED));
        assertThatThrownBy(() -> TipHibernate.policies(TablePolicies.builder().table(TablePolicy.ISOLATED, "note"),
                Map.of("tip.hibernate.policy.note", "reference"), Note.class))
                .hasMessageContaining("table 'note' is declared both ISOLATED and REFERENCE");
    }

    @Test
    void badDeclarationsAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> TipHibernate.policies(Map.of(), Ledger.class, Account.class,
                LedgerView.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("table ledger is declared ISOLATED by @TipPolicy on")
                .hasMessageContaining("and REFERENCE by @TipPolicy on")
                .hasMessageContaining("set tip.hibernate.policy.ledger to decide");
        assertThat(TipHibernate.policies(Map.of("tip.hibernate.policy.ledger", "isolated"), Ledger.class,
                Account.class, LedgerView.class).policyOf("ledger")).isEqualTo(TablePolicy.ISOLATED);
        assertThatThrownBy(() -> TipHibernate.policies(Map.of("tip.hibernate.policy.note", "shared"), Note.class))
                .hasMessage("invalid tip.hibernate.policy.note 'shared': use isolated, reference or denied");
        assertThatThrownBy(() -> TipHibernate.policies(Map.of("tip.hibernate.policy.no-te", "denied"), Note.class))
                .hasMessageContaining("invalid table name 'no-te'");
        assertThatThrownBy(() -> TipHibernate.policies(Map.of()))
                .hasMessageContaining("no entity classes given");
    }
}
