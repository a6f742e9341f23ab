package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.tx.ResultCodes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.DataEntry;
import org.stellar.sdk.xdr.DataValue;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.ManageDataResultCode;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.String64;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.XdrString;

/**
 * MANAGE_DATA, each result code: first the operation alone against a hand-built state (accounts at the reserve
 * and sub-entry limits), then through ledger closes, where each entry's reserve and the fee show in the
 * balances.
 */
class ManageDataOpFrameTest {

    private static final long RESERVE = MIN_BALANCE / 2;

    private final KeyPair source = key("source");
    private final KeyPair other = key("other");

    static ManageDataResultCode manageDataCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getManageDataResult().getDiscriminant();
    }

    private static ManageDataOperation put(String name, String value) {
        return new ManageDataOperation.Builder(name, value.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static ManageDataOperation delete(String name) {
        return new ManageDataOperation.Builder(name, null).build();
    }

    private static EntryKey dataKey(KeyPair owner, String name) {
        return EntryKey.data(OperationHarness.id(owner),
                new String64(new XdrString(name.getBytes(StandardCharsets.UTF_8))));
    }

    private static void update(OperationHarness h, KeyPair key, Consumer<AccountEntry> change) {
        var entry = h.state.load(LedgerFixture.accountKey(key)).orElseThrow();
        change.accept(entry.getData().getAccount());
        h.state.put(entry);
    }

    /** Runs and, on success, keeps the changes in the harness state, so that operations build on each other. */
    private static OperationResult runAndKeep(OperationHarness h, org.stellar.sdk.Operation op, KeyPair source) {
        OperationResult result = h.run(op, source);
        if (OperationFrame.isSuccess(result)) {
            h.state.apply(h.changes());
        }
        return result;
    }

    private static Optional<EntryChange> change(OperationHarness h, EntryKey key) {
        return h.changes().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    private static String value(LedgerEntry entry) {
        return new String(entry.getData().getData().getDataValue().getDataValue(), StandardCharsets.UTF_8);
    }

    private OperationResult checkValid(OperationHarness h, Operation op) {
        return OperationFrame.of(op, OperationHarness.id(source)).doCheckValid(h.ctx);
    }

    // ------------------------------------------------------------------ the operation alone

    @Test
    void creatingAnEntryCountsASubEntryAndStampsBothEntries() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(put("kyc-level", "2"), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        EntryChange created = change(h, dataKey(source, "kyc-level")).orElseThrow();
        assertThat(created.isCreated()).isTrue();
        DataEntry data = created.after().orElseThrow().getData().getData();
        assertThat(Accounts.strKey(data.getAccountID())).isEqualTo(source.getAccountId());
        assertThat(data.getDataName().getString64().getBytes()).isEqualTo("kyc-level".getBytes(StandardCharsets.US_ASCII));
        assertThat(value(created.after().orElseThrow())).isEqualTo("2");
        assertThat(data.getExt().getDiscriminant()).isZero();
        assertThat(h.changes()).hasSize(2).allSatisfy(c -> assertThat(
                c.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                .isEqualTo(OperationHarness.LEDGER_SEQ));
        AccountEntry account = h.account(source).orElseThrow();
        assertThat(Accounts.numSubEntries(account)).isEqualTo(1);
        assertThat(Accounts.balance(account)).isEqualTo(iqq(100));
    }

    @Test
    void replacingAValueChangesOnlyTheEntry() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        runAndKeep(h, put("kyc-level", "2"), source);

        OperationResult result = h.run(put("kyc-level", "3"), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(h.changes()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(dataKey(source, "kyc-level"));
            assertThat(value(c.before().orElseThrow())).isEqualTo("2");
            assertThat(value(c.after().orElseThrow())).isEqualTo("3");
        });
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isEqualTo(1);
    }

    @Test
    void deletingAnEntryReturnsItsSubEntry() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        runAndKeep(h, put("kyc-level", "2"), source);

        OperationResult result = h.run(delete("kyc-level"), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(change(h, dataKey(source, "kyc-level")).orElseThrow().isErased()).isTrue();
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isZero();
    }

    @Test
    void anEmptyValueIsAValueNotADeletion() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(new ManageDataOperation.Builder("flag", new byte[0]).build(), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(change(h, dataKey(source, "flag")).orElseThrow().after().orElseThrow().getData().getData()
                .getDataValue().getDataValue()).isEmpty();
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isEqualTo(1);
    }

    @Test
    void namesBelongToTheirAccountAndAreCaseSensitive() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(other, iqq(100));
        runAndKeep(h, put("name", "source's"), source);

        assertThat(manageDataCode(runAndKeep(h, put("name", "other's"), other)))
                .isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(manageDataCode(runAndKeep(h, put("Name", "capital"), source)))
                .isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);

        assertThat(value(h.state.load(dataKey(source, "name")).orElseThrow())).isEqualTo("source's");
        assertThat(value(h.state.load(dataKey(other, "name")).orElseThrow())).isEqualTo("other's");
        assertThat(value(h.state.load(dataKey(source, "Name")).orElseThrow())).isEqualTo("capital");
        assertThat(Accounts.numSubEntries(h.state.load(LedgerFixture.accountKey(source)).orElseThrow()
                .getData().getAccount())).isEqualTo(2);
        assertThat(manageDataCode(h.run(delete("name"), other))).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(h.changes()).extracting(EntryChange::key)
                .containsExactlyInAnyOrder(LedgerFixture.accountKey(other), dataKey(other, "name"));
    }

    @Test
    void aNameAndAValueOf64BytesAreTheLargestAllowed() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        String name = "n".repeat(64);

        OperationResult result = h.run(new ManageDataOperation.Builder(name, new byte[64]).build(), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(change(h, dataKey(source, name))).isPresent();
    }

    @Test
    void deletingANameTheAccountDoesNotHaveIsNameNotFound() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(other, iqq(100));
        runAndKeep(h, put("kyc-level", "2"), other);

        OperationResult result = h.run(delete("kyc-level"), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_NAME_NOT_FOUND);
        assertThat(ResultCodes.operation(result)).isEqualTo("op_data_name_not_found");
        assertThat(h.changes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "line\nbreak", "nul\u0000", "caf\u00e9", "del\u007f"})
    void nameThatIsEmptyOrNotPrintableAsciiIsInvalidName(String name) {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = put("x", "1").toXdr();
        op.getBody().getManageDataOp().setDataName(new String64(new XdrString(name.getBytes(StandardCharsets.UTF_8))));

        OperationResult result = checkValid(h, op);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
        assertThat(ResultCodes.operation(result)).isEqualTo("op_data_invalid_name");
    }

    @Test
    void nameLongerThan64BytesIsInvalidName() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = put("x", "1").toXdr();
        op.getBody().getManageDataOp().setDataName(new String64(new XdrString("n".repeat(65))));

        assertThat(manageDataCode(checkValid(h, op))).isEqualTo(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
    }

    /** Not valid XDR, so stellar-core never sees it; the operation still must not store 65 bytes. */
    @Test
    void valueLongerThan64BytesIsRefusedAsInvalidName() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = put("x", "1").toXdr();
        op.getBody().getManageDataOp().setDataValue(new DataValue(new byte[65]));

        assertThat(manageDataCode(checkValid(h, op))).isEqualTo(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
    }

    @Test
    void creatingAnEntryWithoutAnotherBaseReserveIsLowReserve() {
        OperationHarness h = new OperationHarness().account(source, MIN_BALANCE + RESERVE - 1);

        OperationResult result = h.run(put("kyc-level", "2"), source);

        assertThat(manageDataCode(result)).isEqualTo(ManageDataResultCode.MANAGE_DATA_LOW_RESERVE);
        assertThat(ResultCodes.operation(result)).isEqualTo("op_low_reserve");
        assertThat(h.changes()).isEmpty();

        update(h, source, a -> a.setBalance(new Int64(MIN_BALANCE + RESERVE)));
        assertThat(manageDataCode(h.run(put("kyc-level", "2"), source)))
                .isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
    }

    @Test
    void replacingOrDeletingNeedsNoReserve() {
        OperationHarness h = new OperationHarness().account(source, MIN_BALANCE + RESERVE);
        runAndKeep(h, put("kyc-level", "2"), source);
        update(h, source, a -> a.setBalance(new Int64(MIN_BALANCE))); // below its minimum

        assertThat(manageDataCode(runAndKeep(h, put("kyc-level", "3"), source)))
                .isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(manageDataCode(runAndKeep(h, delete("kyc-level"), source)))
                .isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isZero();
    }

    @Test
    void creatingAnEntryAtTheSubEntryLimitIsTooManySubEntries() {
        OperationHarness h = new OperationHarness().account(source, iqq(20_000));
        update(h, source, a -> a.setNumSubEntries(Accounts.uint32(Accounts.SUB_ENTRIES_MAX)));

        OperationResult result = h.run(put("one-too-many", "x"), source);

        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opTOO_MANY_SUBENTRIES);
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void manageDataNeedsTheMediumThreshold() {
        assertThat(OperationFrame.of(put("a", "b").toXdr(), OperationHarness.id(source)).thresholdLevel())
                .isEqualTo(Accounts.THRESHOLD_MED);
        assertThat(OperationFrame.of(delete("a").toXdr(), OperationHarness.id(source)).thresholdLevel())
                .isEqualTo(Accounts.THRESHOLD_MED);
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        String[][] expected = {
                {"MANAGE_DATA_SUCCESS", "op_success"},
                {"MANAGE_DATA_NOT_SUPPORTED_YET", "op_not_supported_yet"},
                {"MANAGE_DATA_NAME_NOT_FOUND", "op_data_name_not_found"},
                {"MANAGE_DATA_LOW_RESERVE", "op_low_reserve"},
                {"MANAGE_DATA_INVALID_NAME", "op_data_invalid_name"}};
        assertThat(expected.length).isEqualTo(ManageDataResultCode.values().length);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(ManageDataOpFrame.result(ManageDataResultCode.valueOf(pair[0]))))
                    .as(pair[0]).isEqualTo(pair[1]);
        }
    }

    // ------------------------------------------------------------------ through ledger closes

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair alice;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            alice = ledger.fundedAccount("alice", iqq(100));
        }

        private Optional<LedgerEntry> data(String name) {
            return ledger.state().load(dataKey(alice, name));
        }

        private long subEntries() {
            return Accounts.numSubEntries(ledger.account(alice).orElseThrow());
        }

        @Test
        void createReplaceAndDeleteAnEntry() {
            AppliedTransaction created = ledger.apply(ledger.tx(alice, put("iban", "DE89370400440532013000")));
            assertThat(code(created.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(manageDataCode(opResult(created.result(), 0))).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
            assertThat(value(data("iban").orElseThrow())).isEqualTo("DE89370400440532013000");
            assertThat(data("iban").orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                    .isEqualTo(ledger.lastSequence());
            assertThat(subEntries()).isEqualTo(1);
            assertThat(Accounts.minimumBalance(ledger.account(alice).orElseThrow(), RESERVE)).isEqualTo(3 * RESERVE);

            ledger.apply(ledger.tx(alice, put("iban", "GB29NWBK60161331926819")));
            assertThat(value(data("iban").orElseThrow())).isEqualTo("GB29NWBK60161331926819");
            assertThat(subEntries()).isEqualTo(1);

            AppliedTransaction deleted = ledger.apply(ledger.tx(alice, delete("iban")));
            assertThat(manageDataCode(opResult(deleted.result(), 0))).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
            assertThat(data("iban")).isEmpty();
            assertThat(subEntries()).isZero();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 3 * BASE_FEE);
        }

        @Test
        void severalEntriesInOneTransactionEachCostAReserve() {
            AppliedTransaction applied = ledger.apply(ledger.tx(alice, put("a", "1"), put("b", "2"), put("c", "3")));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(subEntries()).isEqualTo(3);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 3 * BASE_FEE);
            assertThat(applied.meta().getV2().getOperations()).hasSize(3);
        }

        @Test
        void entryWithoutTheReserveAfterTheFeeIsLowReserve() {
            KeyPair poor = ledger.fundedAccount("poor", MIN_BALANCE + RESERVE + BASE_FEE - 1);

            AppliedTransaction applied = ledger.apply(ledger.tx(poor, put("kyc-level", "2")));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(manageDataCode(opResult(applied.result(), 0)))
                    .isEqualTo(ManageDataResultCode.MANAGE_DATA_LOW_RESERVE);
            assertThat(ledger.state().load(dataKey(poor, "kyc-level"))).isEmpty();
            assertThat(Accounts.numSubEntries(ledger.account(poor).orElseThrow())).isZero();
            assertThat(ledger.balance(poor)).isEqualTo(MIN_BALANCE + RESERVE - 1);
        }

        @Test
        void secondEntryOfATransactionCanRunOutOfReserveAndRollsBackTheFirst() {
            KeyPair poor = ledger.fundedAccount("poor", MIN_BALANCE + RESERVE + 2 * BASE_FEE);

            AppliedTransaction applied = ledger.apply(ledger.tx(poor, put("a", "1"), put("b", "2")));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(manageDataCode(opResult(applied.result(), 0))).isEqualTo(ManageDataResultCode.MANAGE_DATA_SUCCESS);
            assertThat(manageDataCode(opResult(applied.result(), 1)))
                    .isEqualTo(ManageDataResultCode.MANAGE_DATA_LOW_RESERVE);
            assertThat(ledger.state().load(dataKey(poor, "a"))).isEmpty();
            assertThat(Accounts.numSubEntries(ledger.account(poor).orElseThrow())).isZero();
        }

        @Test
        void deletingAMissingNameIsNameNotFound() {
            AppliedTransaction applied = ledger.apply(ledger.tx(alice, delete("never-set")));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(manageDataCode(opResult(applied.result(), 0)))
                    .isEqualTo(ManageDataResultCode.MANAGE_DATA_NAME_NOT_FOUND);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void invalidNameFailsAtAdmissionAndAtApply() {
            Transaction tx = ledger.tx(alice, put("bad\tname", "1"));

            assertThat(code(ledger.checkValid(tx))).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(manageDataCode(opResult(ledger.checkValid(tx), 0)))
                    .isEqualTo(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
            AppliedTransaction applied = ledger.apply(tx);
            assertThat(manageDataCode(opResult(applied.result(), 0)))
                    .isEqualTo(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
            assertThat(subEntries()).isZero();
        }

        @Test
        void anotherAccountsDataNeedsThatAccountsSignature() {
            KeyPair bob = ledger.fundedAccount("bob", iqq(50));
            org.stellar.sdk.Operation forBob = new ManageDataOperation.Builder("note", new byte[] {1})
                    .setSourceAccount(bob.getAccountId()).build();

            AppliedTransaction unsigned = ledger.apply(ledger.tx(alice, forBob));
            assertThat(opResult(unsigned.result(), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);

            Transaction both = ledger.builder(alice).addOperation(forBob).build();
            both.sign(alice);
            both.sign(bob);
            assertThat(code(ledger.apply(both).result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.state().load(dataKey(bob, "note"))).isPresent();
            assertThat(Accounts.numSubEntries(ledger.account(bob).orElseThrow())).isEqualTo(1);
            assertThat(subEntries()).isZero();
            assertThat(ledger.balance(bob)).as("the transaction source pays the fee").isEqualTo(iqq(50));
        }
    }
}
