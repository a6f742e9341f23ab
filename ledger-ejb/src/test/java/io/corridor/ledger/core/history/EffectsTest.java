package io.corridor.ledger.core.history;

import static io.corridor.ledger.core.CreditFixture.AUTH_CLAWBACK_ENABLED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REQUIRED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REVOCABLE;
import static io.corridor.ledger.core.CreditFixture.allowTrustOp;
import static io.corridor.ledger.core.CreditFixture.allowTrustXdr;
import static io.corridor.ledger.core.CreditFixture.changeTrustOp;
import static io.corridor.ledger.core.CreditFixture.clawbackOp;
import static io.corridor.ledger.core.CreditFixture.flags;
import static io.corridor.ledger.core.CreditFixture.none;
import static io.corridor.ledger.core.CreditFixture.setFlagsOp;
import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.SponsorshipFixture.anytime;
import static io.corridor.ledger.core.SponsorshipFixture.balanceId;
import static io.corridor.ledger.core.SponsorshipFixture.beginOp;
import static io.corridor.ledger.core.SponsorshipFixture.claimOp;
import static io.corridor.ledger.core.SponsorshipFixture.claimant;
import static io.corridor.ledger.core.SponsorshipFixture.clawbackBalanceOp;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceOp;
import static io.corridor.ledger.core.SponsorshipFixture.endOp;
import static io.corridor.ledger.core.SponsorshipFixture.signedTx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.CreditFixture;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.close.AppliedTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AccountMergeOperation;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.BumpSequenceOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Operation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.RevokeAccountSponsorshipOperation;
import org.stellar.sdk.RevokeClaimableBalanceSponsorshipOperation;
import org.stellar.sdk.RevokeDataSponsorshipOperation;
import org.stellar.sdk.RevokeSignerSponsorshipOperation;
import org.stellar.sdk.RevokeTrustlineSponsorshipOperation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TrustLineAsset;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.ClaimPredicate;
import org.stellar.sdk.xdr.LedgerEntryChanges;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TrustLineFlags;

/**
 * {@link Effects} of every operation this ledger applies, each derived from a real ledger close (operations built
 * and signed with the SDK, every invariant checked after every operation): the exact sequence Horizon would list,
 * types, accounts and fields in order. Accounts are written by name in the expectations.
 */
class EffectsTest {

    private LedgerFixture ledger;
    private final Map<String, String> names = new HashMap<>();
    private KeyPair root;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.strict();
        root = ledger.root();
        names.put(root.getAccountId(), "root");
    }

    // ---------------------------------------------------------------- helpers

    /** The key of {@code name}, whose strkey the expectations write as the name. */
    private KeyPair named(String name) {
        KeyPair key = LedgerFixture.key(name);
        names.put(key.getAccountId(), name);
        return key;
    }

    private KeyPair funded(String name) {
        named(name);
        return ledger.fundedAccount(name, iqq(100));
    }

    private AppliedTransaction apply(KeyPair source, Operation... operations) {
        return succeeded(ledger.apply(ledger.tx(source, operations)));
    }

    private static AppliedTransaction succeeded(AppliedTransaction applied) {
        assertThat(code(applied.result())).as("%s", io.corridor.ledger.core.tx.ResultCodes.operations(applied.result()))
                .isEqualTo(TransactionResultCode.txSUCCESS);
        return applied;
    }

    /** The effects of operation {@code index} of a successful transaction, rendered one per line. */
    private List<String> effects(AppliedTransaction applied, int index) {
        org.stellar.sdk.xdr.Operation operation = applied.frame().operations().get(index);
        AccountID source = operation.getSourceAccount() == null ? applied.frame().sourceAccount()
                : Accounts.fromMuxed(operation.getSourceAccount());
        OperationResult result = applied.result().getResult().getResults()[index];
        LedgerEntryChanges changes = applied.meta().getV2().getOperations()[index].getChanges();
        List<String> rendered = new ArrayList<>();
        for (Effect effect : Effects.of(operation, source, result, changes)) {
            rendered.add(render(effect));
        }
        return rendered;
    }

    private String render(Effect effect) {
        StringJoiner details = new StringJoiner(", ", "{", "}");
        effect.details().forEach((name, value) -> details.add(name + "=" + value(value)));
        return effect.type().horizonName() + " " + names.getOrDefault(effect.account(), effect.account()) + " "
                + details;
    }

    private String value(Object value) {
        if (value instanceof ClaimPredicate predicate) {
            return predicate(predicate);
        }
        String text = value.toString();
        for (Map.Entry<String, String> name : names.entrySet()) {
            text = text.replace(name.getKey(), name.getValue());
        }
        return text;
    }

    private static String predicate(ClaimPredicate predicate) {
        return switch (predicate.getDiscriminant()) {
            case CLAIM_PREDICATE_UNCONDITIONAL -> "unconditional";
            case CLAIM_PREDICATE_NOT -> "not(" + predicate(predicate.getNotPredicate()) + ")";
            case CLAIM_PREDICATE_AND -> "and(" + predicate(predicate.getAndPredicates()[0]) + ","
                    + predicate(predicate.getAndPredicates()[1]) + ")";
            case CLAIM_PREDICATE_OR -> "or(" + predicate(predicate.getOrPredicates()[0]) + ","
                    + predicate(predicate.getOrPredicates()[1]) + ")";
            case CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME -> "abs_before=" + predicate.getAbsBefore().getInt64();
            case CLAIM_PREDICATE_BEFORE_RELATIVE_TIME -> "rel_before=" + predicate.getRelBefore().getInt64();
            default -> throw new IllegalArgumentException(predicate.getDiscriminant().toString());
        };
    }

    private static SignerKey signer(KeyPair key) {
        return Signers.ed25519(Accounts.parse(key.getAccountId()));
    }

    /** USD of {@code bank}, spelled as the effects spell a credit asset's fields. */
    private static final String USD = "asset_type=credit_alphanum4, asset_code=USD, asset_issuer=bank";

    // ---------------------------------------------------------------- payments

    @Test
    void createAccountCreditsTheNewAccountDebitsTheFunderAndGivesTheMasterKeyItsWeight() {
        KeyPair alice = named("alice");

        AppliedTransaction applied = succeeded(ledger.apply(ledger.createAccount(root, alice, iqq(100))));

        assertThat(effects(applied, 0)).containsExactly(
                "account_created alice {starting_balance=100.0000000}",
                "account_debited root {asset_type=native, amount=100.0000000}",
                "signer_created alice {weight=1, public_key=alice, key=alice}");
    }

    @Test
    void paymentCreditsTheDestinationThenDebitsTheSource() {
        KeyPair alice = funded("alice");
        KeyPair bob = funded("bob");
        KeyPair bank = funded("bank");
        Asset usd = CreditFixture.usd(bank);
        apply(alice, changeTrustOp(usd, iqq(1_000)));

        AppliedTransaction applied = apply(alice, LedgerFixture.paymentOp(bob, 50_000_000));
        AppliedTransaction issued = apply(bank, CreditFixture.paymentOp(alice, usd, iqq(20)));

        assertThat(effects(applied, 0)).containsExactly(
                "account_credited bob {asset_type=native, amount=5.0000000}",
                "account_debited alice {asset_type=native, amount=5.0000000}");
        assertThat(effects(issued, 0)).containsExactly(
                "account_credited alice {" + USD + ", amount=20.0000000}",
                "account_debited bank {" + USD + ", amount=20.0000000}");
    }

    @Test
    void accountMergeDebitsTheMergedBalanceCreditsItToTheDestinationAndRemovesTheAccount() {
        KeyPair alice = funded("alice");
        KeyPair bob = funded("bob");
        long merged = ledger.balance(bob) - BASE_FEE;

        AppliedTransaction applied = apply(bob, new AccountMergeOperation.Builder(alice.getAccountId()).build());

        assertThat(merged).isEqualTo(iqq(100) - BASE_FEE);
        assertThat(effects(applied, 0)).containsExactly(
                "account_debited bob {asset_type=native, amount=99.9999000}",
                "account_credited alice {asset_type=native, amount=99.9999000}",
                "account_removed bob {}");
    }

    // ---------------------------------------------------------------- options, data, sequence

    @Test
    void setOptionsReportsHomeDomainThresholdsFlagsInflationDestinationAndEachSignerChange() {
        KeyPair alice = funded("alice");
        KeyPair bob = funded("bob");
        KeyPair cosigner = named("cosigner");
        assertThat(alice.getAccountId()).as("signers are listed in strkey order").isLessThan(cosigner.getAccountId());

        AppliedTransaction first = apply(alice, new SetOptionsOperation.Builder()
                .setInflationDestination(bob.getAccountId())
                .setSetFlags(AUTH_REQUIRED | AUTH_REVOCABLE)
                .setLowThreshold(1)
                .setHighThreshold(3)
                .setHomeDomain("bank.example")
                .setSigner(signer(cosigner), 2)
                .build());
        // The master key alone (1) no longer reaches the high threshold (3): the cosigner (2) signs too.
        AppliedTransaction second = succeeded(ledger.apply(signedTx(ledger, alice, List.of(cosigner),
                new SetOptionsOperation.Builder()
                        .setClearFlags(AUTH_REVOCABLE)
                        .setMasterKeyWeight(5)
                        .setSigner(signer(cosigner), 3)
                        .build())));
        AppliedTransaction third = apply(alice, new SetOptionsOperation.Builder()
                .setMasterKeyWeight(0)
                .setSigner(signer(cosigner), 0)
                .build());

        assertThat(effects(first, 0)).containsExactly(
                "account_home_domain_updated alice {home_domain=bank.example}",
                "account_thresholds_updated alice {low_threshold=1, med_threshold=0, high_threshold=3}",
                "account_flags_updated alice {auth_required_flag=true, auth_revokable_flag=true}",
                "account_inflation_destination_updated alice {}",
                "signer_created alice {weight=2, public_key=cosigner, key=cosigner}");
        assertThat(effects(second, 0)).containsExactly(
                "account_flags_updated alice {auth_revokable_flag=false}",
                "signer_updated alice {weight=5, public_key=alice, key=alice}",
                "signer_updated alice {weight=3, public_key=cosigner, key=cosigner}");
        assertThat(effects(third, 0)).containsExactly(
                "signer_removed alice {weight=0, public_key=alice, key=alice}",
                "signer_removed alice {weight=0, public_key=cosigner, key=cosigner}");
    }

    @Test
    void accountFlagsHorizonDoesNotShowStillMakeAnEffectWithoutFields() {
        KeyPair bank = funded("bank");

        AppliedTransaction applied = apply(bank, new SetOptionsOperation.Builder()
                .setSetFlags(AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED).build());
        AppliedTransaction immutable = apply(bank, new SetOptionsOperation.Builder()
                .setSetFlags(Accounts.AUTH_IMMUTABLE_FLAG).build());
        AppliedTransaction nothing = apply(bank, new SetOptionsOperation.Builder().build());

        assertThat(effects(applied, 0)).containsExactly("account_flags_updated bank {auth_revokable_flag=true}");
        assertThat(effects(immutable, 0)).containsExactly("account_flags_updated bank {}");
        assertThat(effects(nothing, 0)).isEmpty();
    }

    @Test
    void manageDataCreatesUpdatesAndRemovesWithTheValueInBase64() {
        KeyPair alice = funded("alice");

        AppliedTransaction created = apply(alice, new ManageDataOperation.Builder("kyc",
                "done".getBytes(StandardCharsets.US_ASCII)).build());
        AppliedTransaction updated = apply(alice, new ManageDataOperation.Builder("kyc",
                "verified".getBytes(StandardCharsets.US_ASCII)).build());
        AppliedTransaction removed = apply(alice, new ManageDataOperation.Builder("kyc", null).build());

        assertThat(effects(created, 0)).containsExactly("data_created alice {name=kyc, value=ZG9uZQ==}");
        assertThat(effects(updated, 0)).containsExactly("data_updated alice {name=kyc, value=dmVyaWZpZWQ=}");
        assertThat(effects(removed, 0)).containsExactly("data_removed alice {name=kyc}");
    }

    @Test
    void bumpSequenceReportsTheNewSequenceOnlyWhenItMoved() {
        KeyPair alice = funded("alice");
        long target = ledger.seqNum(alice) + 100;

        AppliedTransaction bumped = apply(alice, new BumpSequenceOperation.Builder(target).build());
        AppliedTransaction behind = apply(alice, new BumpSequenceOperation.Builder(1).build());

        assertThat(effects(bumped, 0)).containsExactly("sequence_bumped alice {new_seq=" + target + "}");
        assertThat(effects(behind, 0)).isEmpty();
    }

    // ---------------------------------------------------------------- trust lines

    @Test
    void changeTrustCreatesUpdatesAndRemovesTheLineWithTheOperationsLimit() {
        KeyPair alice = funded("alice");
        KeyPair bank = funded("bank");
        Asset usd = CreditFixture.usd(bank);

        AppliedTransaction created = apply(alice, changeTrustOp(usd, iqq(1_000)));
        AppliedTransaction updated = apply(alice, changeTrustOp(usd, iqq(500)));
        AppliedTransaction removed = apply(alice, changeTrustOp(usd, 0));

        assertThat(effects(created, 0)).containsExactly("trustline_created alice {" + USD + ", limit=1000.0000000}");
        assertThat(effects(updated, 0)).containsExactly("trustline_updated alice {" + USD + ", limit=500.0000000}");
        assertThat(effects(removed, 0)).containsExactly("trustline_removed alice {" + USD + ", limit=0.0000000}");
    }

    @Test
    void allowTrustReportsTheDeprecatedAuthorizationEffectThenTheFlags() {
        KeyPair alice = funded("alice");
        KeyPair bank = funded("bank");
        Asset usd = CreditFixture.usd(bank);
        apply(bank, new SetOptionsOperation.Builder().setSetFlags(AUTH_REQUIRED | AUTH_REVOCABLE).build());
        apply(alice, changeTrustOp(usd, iqq(1_000)));

        AppliedTransaction authorized = apply(bank, allowTrustOp(alice, "USD", true));
        Transaction maintainTx = ledger.tx(bank, allowTrustOp(alice, "USD", true));
        TransactionEnvelope maintain = maintainTx.toEnvelopeXdr();
        maintain.getV1().getTx().getOperations()[0] = allowTrustXdr(alice, "USD", CreditFixture.MAINTAIN);
        AppliedTransaction maintained = succeeded(ledger.applyEnvelope(ledger.resign(maintain, bank)));
        AppliedTransaction deauthorized = apply(bank, allowTrustOp(alice, "USD", false));

        String deprecated = " bank {trustor=alice, asset_type=credit_alphanum4, asset_code=USD}";
        assertThat(effects(authorized, 0)).containsExactly(
                "trustline_authorized" + deprecated,
                "trustline_flags_updated bank {" + USD + ", trustor=alice, authorized_flag=true}");
        assertThat(effects(maintained, 0)).containsExactly(
                "trustline_authorized_to_maintain_liabilities" + deprecated,
                "trustline_flags_updated bank {" + USD
                        + ", trustor=alice, authorized_to_maintain_liabilites_flag=true}");
        assertThat(effects(deauthorized, 0)).containsExactly(
                "trustline_deauthorized" + deprecated,
                "trustline_flags_updated bank {" + USD + ", trustor=alice, authorized_flag=false, "
                        + "authorized_to_maintain_liabilites_flag=false}");
    }

    @Test
    void setTrustLineFlagsAndClawbackReportFlagsSetAndClearedAndTheAmountTakenBack() {
        KeyPair alice = funded("alice");
        KeyPair bank = funded("bank");
        Asset usd = CreditFixture.usd(bank);
        apply(bank, new SetOptionsOperation.Builder()
                .setSetFlags(AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED).build());
        apply(alice, changeTrustOp(usd, iqq(1_000)));

        AppliedTransaction authorized = apply(bank,
                setFlagsOp(alice, usd, none(), flags(TrustLineFlags.AUTHORIZED_FLAG)));
        apply(bank, CreditFixture.paymentOp(alice, usd, iqq(50)));
        AppliedTransaction clawedBack = apply(bank, clawbackOp(alice, usd, iqq(10)));
        AppliedTransaction restricted = apply(bank, setFlagsOp(alice, usd,
                flags(TrustLineFlags.AUTHORIZED_FLAG, TrustLineFlags.TRUSTLINE_CLAWBACK_ENABLED_FLAG),
                flags(TrustLineFlags.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG)));

        assertThat(effects(authorized, 0)).containsExactly(
                "trustline_flags_updated bank {" + USD + ", trustor=alice, authorized_flag=true}");
        assertThat(effects(clawedBack, 0)).containsExactly(
                "account_credited bank {" + USD + ", amount=10.0000000}",
                "account_debited alice {" + USD + ", amount=10.0000000}");
        assertThat(effects(restricted, 0)).containsExactly(
                "trustline_flags_updated bank {" + USD + ", trustor=alice, authorized_flag=false, "
                        + "authorized_to_maintain_liabilites_flag=true, clawback_enabled_flag=false}");
    }

    // ---------------------------------------------------------------- claimable balances

    @Test
    void aClaimableBalanceIsCreatedForEachClaimantThenClaimed() {
        KeyPair alice = funded("alice");
        KeyPair bob = funded("bob");
        KeyPair carol = funded("carol");
        Transaction create = ledger.tx(alice, createBalanceOp(new AssetTypeNative(), iqq(10), anytime(bob),
                claimant(carol, new Predicate.Not(new Predicate.RelBefore(60)))));
        AppliedTransaction created = succeeded(ledger.apply(create));
        String id = balanceId(create, 0);

        AppliedTransaction claimed = apply(bob, claimOp(id));

        String balance = "asset=native, balance_id=" + id + ", amount=10.0000000";
        assertThat(effects(created, 0)).containsExactly(
                "claimable_balance_created alice {" + balance + "}",
                "claimable_balance_claimant_created bob {" + balance + ", predicate=unconditional}",
                "claimable_balance_claimant_created carol {" + balance + ", predicate=not(rel_before=60)}",
                "account_debited alice {asset_type=native, amount=10.0000000}",
                "claimable_balance_sponsorship_created alice {balance_id=" + id + ", sponsor=alice}");
        assertThat(effects(claimed, 0)).containsExactly(
                "claimable_balance_claimed bob {" + balance + "}",
                "account_credited bob {asset_type=native, amount=10.0000000}",
                "claimable_balance_sponsorship_removed bob {balance_id=" + id + ", former_sponsor=alice}");
    }

    @Test
    void aClawedBackClaimableBalanceIsCreditedToTheIssuer() {
        KeyPair alice = funded("alice");
        KeyPair bob = funded("bob");
        KeyPair bank = funded("bank");
        Asset usd = CreditFixture.usd(bank);
        apply(bank, new SetOptionsOperation.Builder()
                .setSetFlags(AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED).build());
        apply(alice, changeTrustOp(usd, iqq(1_000)));
        apply(bank, setFlagsOp(alice, usd, none(), flags(TrustLineFlags.AUTHORIZED_FLAG)));
        apply(bank, CreditFixture.paymentOp(alice, usd, iqq(50)));
        Transaction create = ledger.tx(alice, createBalanceOp(usd, iqq(20), anytime(bob)));
        succeeded(ledger.apply(create));
        String id = balanceId(create, 0);

        AppliedTransaction clawedBack = apply(bank, clawbackBalanceOp(id));

        assertThat(effects(clawedBack, 0)).containsExactly(
                "claimable_balance_clawed_back bank {balance_id=" + id + "}",
                "account_credited bank {" + USD + ", amount=20.0000000}",
                "claimable_balance_sponsorship_removed bank {balance_id=" + id + ", former_sponsor=alice}");
    }

    // ---------------------------------------------------------------- sponsorship

    /**
     * The sponsor opens an account for the newbie with nothing in it and pays the reserves of its trust line,
     * data entry and signer: ops begin, create_account, change_trust, manage_data, set_options, end.
     */
    private AppliedTransaction sponsoredNewbie(KeyPair sponsor, KeyPair newbie, KeyPair cosigner, Asset usd) {
        Transaction tx = signedTx(ledger, sponsor, List.of(newbie),
                beginOp(sponsor, newbie),
                new org.stellar.sdk.CreateAccountOperation.Builder(newbie.getAccountId(), "0").build(),
                new org.stellar.sdk.ChangeTrustOperation.Builder(org.stellar.sdk.ChangeTrustAsset.create(usd), "1000")
                        .setSourceAccount(newbie.getAccountId()).build(),
                new ManageDataOperation.Builder("kyc", "done".getBytes(StandardCharsets.US_ASCII))
                        .setSourceAccount(newbie.getAccountId()).build(),
                new SetOptionsOperation.Builder().setSigner(signer(cosigner), 1)
                        .setSourceAccount(newbie.getAccountId()).build(),
                endOp(newbie));
        return succeeded(ledger.apply(tx));
    }

    @Test
    void operationsBetweenBeginAndEndSponsoringReportTheSponsorshipsTheyCreate() {
        KeyPair sponsor = funded("sponsor");
        KeyPair bank = funded("bank");
        KeyPair newbie = named("newbie");
        KeyPair cosigner = named("cosigner");

        AppliedTransaction applied = sponsoredNewbie(sponsor, newbie, cosigner, CreditFixture.usd(bank));

        assertThat(effects(applied, 0)).as("begin").isEmpty();
        assertThat(effects(applied, 1)).containsExactly(
                "account_created newbie {starting_balance=0.0000000}",
                "account_debited sponsor {asset_type=native, amount=0.0000000}",
                "signer_created newbie {weight=1, public_key=newbie, key=newbie}",
                "account_sponsorship_created newbie {sponsor=sponsor}");
        assertThat(effects(applied, 2)).containsExactly(
                "trustline_created newbie {" + USD + ", limit=1000.0000000}",
                "trustline_sponsorship_created newbie {asset_type=credit_alphanum4, asset=USD:bank, sponsor=sponsor}");
        assertThat(effects(applied, 3)).containsExactly(
                "data_created newbie {name=kyc, value=ZG9uZQ==}",
                "data_sponsorship_created newbie {data_name=kyc, sponsor=sponsor}");
        assertThat(effects(applied, 4)).containsExactly(
                "signer_created newbie {weight=1, public_key=cosigner, key=cosigner}",
                "signer_sponsorship_created newbie {signer=cosigner, sponsor=sponsor}");
        assertThat(effects(applied, 5)).as("end").isEmpty();
    }

    @Test
    void revokeSponsorshipReportsEachSponsorshipTransferredThenRemoved() {
        KeyPair sponsor = funded("sponsor");
        KeyPair other = funded("other");
        KeyPair bank = funded("bank");
        KeyPair newbie = named("newbie");
        KeyPair cosigner = named("cosigner");
        Asset usd = CreditFixture.usd(bank);
        sponsoredNewbie(sponsor, newbie, cosigner, usd);
        apply(root, LedgerFixture.paymentOp(newbie, iqq(100)));
        List<Operation> revokes = List.of(
                new RevokeAccountSponsorshipOperation.Builder(newbie.getAccountId()).build(),
                new RevokeTrustlineSponsorshipOperation.Builder(newbie.getAccountId(), TrustLineAsset.create(usd))
                        .build(),
                new RevokeDataSponsorshipOperation.Builder(newbie.getAccountId(), "kyc").build(),
                new RevokeSignerSponsorshipOperation.Builder(newbie.getAccountId(), signer(cosigner)).build());

        List<Operation> transferOps = new ArrayList<>();
        transferOps.add(beginOp(other, sponsor));
        transferOps.addAll(revokes);
        transferOps.add(endOp(sponsor));
        AppliedTransaction transferred = succeeded(ledger.apply(signedTx(ledger, sponsor, List.of(other),
                transferOps.toArray(new Operation[0]))));
        AppliedTransaction removed = apply(other, revokes.toArray(new Operation[0]));

        String line = "asset_type=credit_alphanum4, asset=USD:bank";
        assertThat(effects(transferred, 1)).containsExactly(
                "account_sponsorship_updated newbie {former_sponsor=sponsor, new_sponsor=other}");
        assertThat(effects(transferred, 2)).containsExactly(
                "trustline_sponsorship_updated newbie {" + line + ", former_sponsor=sponsor, new_sponsor=other}");
        assertThat(effects(transferred, 3)).as("data sponsorships concern the operation's source").containsExactly(
                "data_sponsorship_updated sponsor {data_name=kyc, former_sponsor=sponsor, new_sponsor=other}");
        assertThat(effects(transferred, 4)).containsExactly(
                "signer_sponsorship_updated newbie {signer=cosigner, former_sponsor=sponsor, new_sponsor=other}");
        assertThat(effects(removed, 0)).containsExactly("account_sponsorship_removed newbie {former_sponsor=other}");
        assertThat(effects(removed, 1)).containsExactly(
                "trustline_sponsorship_removed newbie {" + line + ", former_sponsor=other}");
        assertThat(effects(removed, 2)).containsExactly(
                "data_sponsorship_removed other {data_name=kyc, former_sponsor=other}");
        assertThat(effects(removed, 3)).containsExactly(
                "signer_sponsorship_removed newbie {signer=cosigner, former_sponsor=other}");
    }

    @Test
    void revokingAClaimableBalancesSponsorshipTransfersIt() {
        KeyPair alice = funded("alice");
        KeyPair bob = funded("bob");
        KeyPair sponsor = funded("sponsor");
        Transaction create = ledger.tx(alice, createBalanceOp(new AssetTypeNative(), iqq(1), anytime(bob)));
        succeeded(ledger.apply(create));
        String id = balanceId(create, 0);

        AppliedTransaction transferred = succeeded(ledger.apply(signedTx(ledger, alice, List.of(sponsor),
                beginOp(sponsor, alice), new RevokeClaimableBalanceSponsorshipOperation.Builder(id).build(),
                endOp(alice))));

        assertThat(effects(transferred, 1)).containsExactly("claimable_balance_sponsorship_updated alice {balance_id="
                + id + ", former_sponsor=alice, new_sponsor=sponsor}");
    }

    @Test
    void mergingASponsoredAccountEndsItsSponsorshipsAndThoseOfItsSigners() {
        KeyPair sponsor = funded("sponsor");
        KeyPair alice = funded("alice");
        KeyPair newbie = named("newbie");
        KeyPair cosigner = named("cosigner");
        KeyPair bank = funded("bank");
        Asset usd = CreditFixture.usd(bank);
        sponsoredNewbie(sponsor, newbie, cosigner, usd);
        apply(root, LedgerFixture.paymentOp(newbie, iqq(10)));
        // The sub-entries go first; the account and its signer's sponsorships end with the merge.
        apply(newbie, changeTrustOp(usd, 0), new ManageDataOperation.Builder("kyc", null).build());

        AppliedTransaction merged = apply(newbie, new AccountMergeOperation.Builder(alice.getAccountId()).build());

        assertThat(effects(merged, 0)).containsExactly(
                "account_debited newbie {asset_type=native, amount=9.9997000}",
                "account_credited alice {asset_type=native, amount=9.9997000}",
                "account_removed newbie {}",
                "account_sponsorship_removed newbie {former_sponsor=sponsor}",
                "signer_sponsorship_removed newbie {signer=cosigner, former_sponsor=sponsor}");
    }

    // ---------------------------------------------------------------- contract

    @Test
    void effectsAreImmutableAndKeepTheirFieldOrder() {
        KeyPair alice = named("alice");
        AppliedTransaction applied = succeeded(ledger.apply(ledger.createAccount(root, alice, iqq(100))));
        List<Effect> effects = Effects.of(applied.frame().operations().get(0), applied.frame().sourceAccount(),
                applied.result().getResult().getResults()[0], applied.meta().getV2().getOperations()[0].getChanges());

        assertThat(effects.get(2).details().keySet()).containsExactly("weight", "public_key", "key");
        assertThat(effects.get(0).type().code()).isZero();
        assertThat(effects.get(2).type().code()).isEqualTo(10);
        assertThatThrownBy(() -> effects.get(0).details().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Effect(EffectType.ACCOUNT_REMOVED, "G", Map.of("amount", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUpdateWithoutTheStateBeforeItIsRefused() {
        KeyPair alice = funded("alice");
        AppliedTransaction applied = apply(alice, new BumpSequenceOperation.Builder(ledger.seqNum(alice) + 5).build());
        LedgerEntryChange[] changes = applied.meta().getV2().getOperations()[0].getChanges().getLedgerEntryChanges();
        LedgerEntryChange[] withoutState = {changes[changes.length - 1]};

        assertThatThrownBy(() -> Effects.of(applied.frame().operations().get(0), applied.frame().sourceAccount(), null,
                new LedgerEntryChanges(withoutState))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeCodesAreHorizons() {
        assertThat(EffectType.ACCOUNT_CREATED.code()).isEqualTo(0);
        assertThat(EffectType.TRUSTLINE_FLAGS_UPDATED.code()).isEqualTo(26);
        assertThat(EffectType.SEQUENCE_BUMPED.code()).isEqualTo(43);
        assertThat(EffectType.CLAIMABLE_BALANCE_CLAIMED.code()).isEqualTo(52);
        assertThat(EffectType.SIGNER_SPONSORSHIP_REMOVED.code()).isEqualTo(74);
        assertThat(EffectType.CLAIMABLE_BALANCE_CLAWED_BACK.code()).isEqualTo(80);
        assertThat(EffectType.TRUSTLINE_AUTHORIZED_TO_MAINTAIN_LIABILITIES.horizonName())
                .isEqualTo("trustline_authorized_to_maintain_liabilities");
        int previous = -1;
        for (EffectType type : EffectType.values()) {
            assertThat(type.code()).as("codes ascend in declaration order").isGreaterThan(previous);
            previous = type.code();
        }
    }
}
