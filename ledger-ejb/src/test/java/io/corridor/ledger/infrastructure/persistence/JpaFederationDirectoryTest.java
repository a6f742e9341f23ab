package io.corridor.ledger.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.federation.AddressKind;
import io.corridor.federation.FederationAddress;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.ForwardKey;
import io.corridor.federation.Memo;
import io.corridor.federation.MemoType;
import io.corridor.federation.RegisterOutcome;
import io.corridor.federation.RemoveOutcome;
import io.corridor.federation.StellarAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.StrKey;

/**
 * {@link JpaFederationDirectory} on H2 through the production mapping ({@link StandaloneJpa}), each call in its
 * own resource-local transaction as the container would run it: records survive the round trip field for
 * field, lookups ignore the case of the name, an account's addresses come in registration order, and the unique
 * constraints hold even for rows written past the directory.
 */
class JpaFederationDirectoryTest {

    private static final String BANK = account(7);
    private static final String ALICE = account(8);
    private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);

    private EntityManagerFactory factory;
    private EntityManager em;
    private JpaFederationDirectory directory;

    @BeforeEach
    void open() {
        factory = StandaloneJpa.open("jdbc:h2:mem:corridor-federation;DB_CLOSE_DELAY=-1", "sa", "", true);
        em = factory.createEntityManager();
        directory = new JpaFederationDirectory(em);
    }

    @AfterEach
    void close() {
        em.close();
        factory.close();
    }

    private static String account(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return StrKey.encodeEd25519PublicKey(key);
    }

    private static StellarAddress address(String text) {
        return StellarAddress.parse("q", text).value();
    }

    private static FederationAddress record(String text, String accountId, Memo memo, AddressKind kind,
            ForwardKey forward) {
        return new FederationAddress(address(text), accountId, Optional.ofNullable(memo), kind,
                Optional.ofNullable(forward));
    }

    private RegisterOutcome register(FederationAddress address) {
        return registerWith(directory, address);
    }

    private RegisterOutcome registerWith(FederationDirectory directory, FederationAddress address) {
        return tx(() -> directory.register(address));
    }

    private RemoveOutcome remove(StellarAddress address) {
        return tx(() -> directory.remove(address));
    }

    private Optional<FederationAddress> byAddress(StellarAddress address) {
        return tx(() -> directory.byAddress(address));
    }

    private Optional<FederationAddress> byForward(ForwardKey key) {
        return tx(() -> directory.byForward(key));
    }

    private List<FederationAddress> byAccountId(String accountId, int limit) {
        return tx(() -> directory.byAccountId(accountId, limit));
    }

    /** One call in one transaction, rolled back if the call marked it so; the context is cleared after. */
    private <T> T tx(Supplier<T> call) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = call.get();
            if (tx.getRollbackOnly()) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.clear();
        }
    }

    @Test
    void everyKindOfRecordSurvivesTheRoundTrip() {
        List<FederationAddress> records = List.of(
                record("Alice*bank.in", ALICE, null, AddressKind.USERNAME, null),
                record("9002812331-ICIC000040*bank.in", BANK, new Memo(MemoType.ID, "18446744073709551615"),
                        AddressKind.ACCOUNT_NUMBER, new ForwardKey("ICICINBB", "9002812331")),
                record("+919876543210*bank.in", BANK, new Memo(MemoType.TEXT, "mobile 98765 43210 ✓"),
                        AddressKind.MOBILE, null),
                record("ABCDE1234F*bank.in", BANK, new Memo(MemoType.HASH, HASH), AddressKind.NATIONAL_ID,
                        new ForwardKey("ICICINBBCTS", "DE89370400440532013000")));
        for (FederationAddress r : records) {
            assertThat(register(r)).as("%s", r.address()).isEqualTo(RegisterOutcome.CREATED);
        }
        for (FederationAddress r : records) {
            assertThat(byAddress(r.address())).contains(r);
        }
        assertThat(byForward(new ForwardKey("ICICINBB", "9002812331"))).contains(records.get(1));
        assertThat(byForward(new ForwardKey("ICICINBBCTS", "DE89370400440532013000")))
                .contains(records.get(3));
        assertThat(byForward(new ForwardKey("ICICINBB", "1"))).isEmpty();
    }

    @Test
    void lookupsIgnoreTheCaseOfTheNameButKeepItsRegisteredSpelling() {
        FederationAddress alice = record("Alice.Smith@Mail.com*bank.in", ALICE, null, AddressKind.USERNAME, null);
        register(alice);

        assertThat(byAddress(address("alice.smith@mail.com*BANK.IN"))).contains(alice);
        assertThat(byAddress(address("ALICE.SMITH@MAIL.COM*bank.in")).orElseThrow().name())
                .isEqualTo("Alice.Smith@Mail.com");
        assertThat(byAddress(address("alice.smith@mail.com*other.in"))).isEmpty();
    }

    @Test
    void registeringAgainIsIdempotentAndDifferentDataConflicts() {
        FederationAddress alice = record("alice*bank.in", BANK, new Memo(MemoType.ID, "1"), AddressKind.USERNAME,
                new ForwardKey("ICICINBB", "1"));

        assertThat(register(alice)).isEqualTo(RegisterOutcome.CREATED);
        assertThat(register(alice)).isEqualTo(RegisterOutcome.UNCHANGED);
        assertThat(register(record("alice*bank.in", BANK, new Memo(MemoType.ID, "2"), AddressKind.USERNAME,
                new ForwardKey("ICICINBB", "1")))).isEqualTo(RegisterOutcome.ADDRESS_TAKEN);
        assertThat(register(record("ALICE*bank.in", BANK, new Memo(MemoType.ID, "1"), AddressKind.USERNAME,
                new ForwardKey("ICICINBB", "1")))).as("same key, other spelling").isEqualTo(RegisterOutcome.ADDRESS_TAKEN);
        assertThat(register(record("bob*bank.in", BANK, new Memo(MemoType.ID, "2"), AddressKind.USERNAME,
                new ForwardKey("ICICINBB", "1")))).isEqualTo(RegisterOutcome.FORWARD_TAKEN);
        assertThat(byAddress(address("bob*bank.in"))).as("nothing written on a conflict").isEmpty();
        assertThat(byAddress(address("alice*bank.in"))).contains(alice);
    }

    @Test
    void anAccountsAddressesComeInRegistrationOrderUpToTheLimit() {
        List<String> names = List.of("zed", "amy", "+919876543210", "mike");
        for (String name : names) {
            AddressKind kind = name.startsWith("+") ? AddressKind.MOBILE : AddressKind.USERNAME;
            register(record(name + "*bank.in", BANK, null, kind, null));
        }
        register(record("other*bank.in", ALICE, null, AddressKind.USERNAME, null));

        assertThat(byAccountId(BANK, FederationDirectory.ADDRESSES_PER_ACCOUNT_MAX))
                .extracting(FederationAddress::name).containsExactlyElementsOf(names);
        assertThat(byAccountId(BANK, 2)).extracting(FederationAddress::name).containsExactly("zed", "amy");
        assertThat(byAccountId(account(9), 10)).isEmpty();
        assertThatThrownBy(() -> byAccountId(BANK, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byAccountId(BANK, FederationDirectory.ADDRESSES_PER_ACCOUNT_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);

        remove(address("zed*bank.in"));
        register(record("zed*bank.in", BANK, null, AddressKind.USERNAME, null));
        assertThat(byAccountId(BANK, 10)).extracting(FederationAddress::name)
                .as("registered again, so last").containsExactly("amy", "+919876543210", "mike", "zed");
    }

    @Test
    void removingDeletesWhateverTheCaseAndFreesTheForward() {
        FederationAddress alice = record("alice*bank.in", BANK, null, AddressKind.USERNAME, new ForwardKey("ICICINBB", "1"));
        register(alice);

        assertThat(remove(address("ALICE*bank.in"))).isEqualTo(RemoveOutcome.REMOVED);
        assertThat(remove(address("alice*bank.in"))).isEqualTo(RemoveOutcome.NOT_FOUND);
        assertThat(byAddress(address("alice*bank.in"))).isEmpty();
        assertThat(byForward(new ForwardKey("ICICINBB", "1"))).isEmpty();
        assertThat(register(record("bob*bank.in", BANK, null, AddressKind.USERNAME,
                new ForwardKey("ICICINBB", "1")))).isEqualTo(RegisterOutcome.CREATED);
    }

    @Test
    void theDatabaseRefusesADuplicateKeyOrForwardEvenPastTheDirectory() {
        register(record("alice*bank.in", BANK, null, AddressKind.USERNAME, new ForwardKey("ICICINBB", "1")));
        register(record("carol*bank.in", BANK, null, AddressKind.USERNAME, null));
        register(record("dave*bank.in", BANK, null, AddressKind.USERNAME, null));

        assertThatThrownBy(() -> tx(() -> {
            em.persist(new FederationRow(record("Alice*bank.in", ALICE, null, AddressKind.USERNAME, null)));
            em.flush();
            return null;
        })).isInstanceOf(PersistenceException.class);
        assertThatThrownBy(() -> tx(() -> {
            em.persist(new FederationRow(record("bob*bank.in", ALICE, null, AddressKind.USERNAME,
                    new ForwardKey("ICICINBB", "1"))));
            em.flush();
            return null;
        })).isInstanceOf(PersistenceException.class);
        assertThat(byAccountId(BANK, 10)).extracting(FederationAddress::name)
                .as("rows without a forward do not collide").containsExactly("alice", "carol", "dave");
    }

    @Test
    void aRegistrationThatLosesARaceReportsAConcurrentChangeAndWritesNothing() {
        register(record("ALICE*bank.in", ALICE, null, AddressKind.USERNAME, null));
        register(record("bob*bank.in", ALICE, null, AddressKind.USERNAME, new ForwardKey("ICICINBB", "1")));
        // A directory whose reads came before a rival's commit: it sees neither the address nor the forward.
        JpaFederationDirectory late = new JpaFederationDirectory(em) {
            @Override
            public Optional<FederationAddress> byAddress(StellarAddress address) {
                return Optional.empty();
            }

            @Override
            public Optional<FederationAddress> byForward(ForwardKey key) {
                return Optional.empty();
            }
        };

        assertThat(registerWith(late, record("alice*bank.in", BANK, null, AddressKind.USERNAME, null)))
                .isEqualTo(RegisterOutcome.CONCURRENT_CHANGE);
        assertThat(registerWith(late, record("carol*bank.in", BANK, null, AddressKind.USERNAME,
                new ForwardKey("ICICINBB", "1")))).isEqualTo(RegisterOutcome.CONCURRENT_CHANGE);
        assertThat(byAddress(address("alice*bank.in")).orElseThrow().accountId()).isEqualTo(ALICE);
        assertThat(byAddress(address("carol*bank.in"))).isEmpty();
        assertThat(register(record("dave*bank.in", BANK, null, AddressKind.USERNAME, null)))
                .as("the directory works on after a lost race").isEqualTo(RegisterOutcome.CREATED);
    }
}
