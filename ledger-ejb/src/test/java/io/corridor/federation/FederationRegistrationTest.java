package io.corridor.federation;

import static io.corridor.federation.FederationFixtures.ALICE_ACCOUNT;
import static io.corridor.federation.FederationFixtures.BANK_ACCOUNT;
import static io.corridor.federation.FederationFixtures.BANK_IN;
import static io.corridor.federation.FederationFixtures.badChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Registration#validate}: a complete registration becomes a record; otherwise the first broken rule is
 * reported with the admin API's name of the field, in the documented order.
 */
class FederationRegistrationTest {

    private static final String HASH_HEX = "ab".repeat(32);

    private static Registration mobile(String address) {
        return new Registration(address, "mobile", BANK_ACCOUNT, "id", "42", null, null);
    }

    private static FieldError refusal(Registration registration) {
        Checked<FederationAddress> checked = registration.validate(BANK_IN);
        assertThat(checked.isValid()).as("%s is refused", registration).isFalse();
        return checked.error();
    }

    @Test
    void aCompleteRegistrationBecomesARecord() {
        FederationAddress record = new Registration("9002812331-ICIC000040*Bank.IN", "account_number", BANK_ACCOUNT,
                "hash", HASH_HEX, "icicinbbxxx", "9002812331").validate(BANK_IN).value();

        assertThat(record.name()).isEqualTo("9002812331-ICIC000040");
        assertThat(record.domain()).isEqualTo("bank.in");
        assertThat(record.kind()).isEqualTo(AddressKind.ACCOUNT_NUMBER);
        assertThat(record.accountId()).isEqualTo(BANK_ACCOUNT);
        assertThat(record.memo()).contains(new Memo(MemoType.HASH, "q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s="));
        assertThat(record.forward()).contains(new ForwardKey("ICICINBB", "9002812331"));
    }

    @Test
    void memoAndForwardAreOptional() {
        FederationAddress record = new Registration("alice*bank.in", "username", ALICE_ACCOUNT, null, null, null, null)
                .validate(BANK_IN).value();

        assertThat(record.memo()).isEmpty();
        assertThat(record.forward()).isEmpty();
        assertThat(mobile("+919876543210*bank.in").validate(BANK_IN).value().memo())
                .contains(new Memo(MemoType.ID, "42"));
    }

    @Test
    void theAddressMustBeWellFormedAndServed() {
        assertThat(refusal(mobile(null))).isEqualTo(
                new FieldError("address", "missing; expected a Stellar address name*domain"));
        assertThat(refusal(mobile("+91 9876543210*bank.in")).reason()).isEqualTo("name: must not contain whitespace");
        assertThat(refusal(mobile("+919876543210*other.in"))).isEqualTo(new FieldError("address",
                "this node does not serve federation for other.in; it serves bank.in"));
        assertThat(new Registration("alice*bank.in", "username", ALICE_ACCOUNT, null, null, null, null)
                .validate(ServedDomains.none()).error())
                .isEqualTo(new FieldError("address", "this node serves federation for no domain"));
    }

    @Test
    void theKindMustBeKnownAndFitTheName() {
        assertThat(refusal(new Registration("alice*bank.in", null, ALICE_ACCOUNT, null, null, null, null)).field())
                .isEqualTo("kind");
        assertThat(refusal(new Registration("alice*bank.in", "email", ALICE_ACCOUNT, null, null, null, null)).field())
                .isEqualTo("kind");
        FieldError wrongForm = refusal(mobile("alice*bank.in"));
        assertThat(wrongForm.field()).isEqualTo("address");
        assertThat(wrongForm.reason()).startsWith("name: a name of kind mobile must be E.164");
        assertThat(refusal(new Registration("9002812331*bank.in", "account_number", BANK_ACCOUNT, null, null, null,
                null)).reason()).startsWith("name: a name of kind account_number must be DIGITS-BRANCHCODE");
        assertThat(refusal(new Registration("AB*bank.in", "national_id", BANK_ACCOUNT, null, null, null, null))
                .field()).isEqualTo("address");
    }

    @Test
    void theAccountIdIsRequiredAndChecked() {
        assertThat(refusal(new Registration("alice*bank.in", "username", null, null, null, null, null)).field())
                .isEqualTo("account_id");
        assertThat(refusal(new Registration("alice*bank.in", "username", badChecksum(ALICE_ACCOUNT), null, null, null,
                null)).field()).isEqualTo("account_id");
    }

    @Test
    void theMemoIsCheckedWithItsType() {
        assertThat(refusal(new Registration("alice*bank.in", "username", BANK_ACCOUNT, "id", "-1", null, null))
                .field()).isEqualTo("memo");
        assertThat(refusal(new Registration("alice*bank.in", "username", BANK_ACCOUNT, null, "1", null, null))
                .field()).isEqualTo("memo_type");
        assertThat(refusal(new Registration("alice*bank.in", "username", BANK_ACCOUNT, "text", null, null, null))
                .field()).isEqualTo("memo");
    }

    @Test
    void aForwardNeedsBothBicAndAccount() {
        assertThat(refusal(new Registration("alice*bank.in", "username", BANK_ACCOUNT, null, null, "ICICINBB", null))
                .field()).isEqualTo("forward.acct");
        assertThat(refusal(new Registration("alice*bank.in", "username", BANK_ACCOUNT, null, null, null, "1"))
                .field()).isEqualTo("forward.swift");
        assertThat(refusal(new Registration("alice*bank.in", "username", BANK_ACCOUNT, null, null, "ICIC", "1"))
                .field()).isEqualTo("forward.swift");
    }

    @Test
    void theFirstBrokenRuleIsReportedInTheDocumentedOrder() {
        Registration everythingWrong = new Registration("alice*other.in", "email", "G", "x", null, "I", null);
        assertThat(refusal(everythingWrong).field()).isEqualTo("address");
        assertThat(refusal(new Registration("alice*bank.in", "email", "G", "x", null, "I", null)).field())
                .isEqualTo("kind");
        assertThat(refusal(new Registration("alice*bank.in", "username", "G", "x", null, "I", null)).field())
                .isEqualTo("account_id");
        assertThat(refusal(new Registration("alice*bank.in", "username", ALICE_ACCOUNT, "x", null, "I", null)).field())
                .isEqualTo("memo_type");
        assertThat(refusal(new Registration("alice*bank.in", "username", ALICE_ACCOUNT, null, null, "I", null))
                .field()).isEqualTo("forward.swift");
    }
}
