package io.corridor.ledger.core;

import java.math.BigInteger;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountEntryExtensionV1;
import org.stellar.sdk.xdr.AccountEntryExtensionV2;
import org.stellar.sdk.xdr.AccountEntryExtensionV3;
import org.stellar.sdk.xdr.ExtensionPoint;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.Liabilities;
import org.stellar.sdk.xdr.SponsorshipDescriptor;
import org.stellar.sdk.xdr.TimePoint;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;

/**
 * The nested extensions of an account entry (v1 liabilities, v2 sponsorship counts, v3 sequence-number
 * stamp) and the stamp itself. Each extension can only exist inside the previous one, so creating v3 creates
 * the missing outer ones with zero values, as stellar-core's {@code prepareAccountEntryExtensionV3} does;
 * the state hash covers them, so this ledger must build exactly the same shape.
 */
public final class AccountExtensions {

    /** Protocol from which the sequence-number stamp (CAP-21) is kept. */
    public static final int SEQ_STAMP_PROTOCOL_MIN = 19;

    private AccountExtensions() {
    }

    /** Extension v1 of {@code account}, created with zero liabilities if missing. */
    public static AccountEntryExtensionV1 prepareV1(AccountEntry account) {
        AccountEntry.AccountEntryExt ext = account.getExt();
        if (ext.getDiscriminant() == 0) {
            Liabilities liabilities = new Liabilities();
            liabilities.setBuying(new Int64(0L));
            liabilities.setSelling(new Int64(0L));
            AccountEntryExtensionV1 v1 = new AccountEntryExtensionV1();
            v1.setLiabilities(liabilities);
            AccountEntryExtensionV1.AccountEntryExtensionV1Ext v1Ext = new AccountEntryExtensionV1.AccountEntryExtensionV1Ext();
            v1Ext.setDiscriminant(0);
            v1.setExt(v1Ext);
            ext.setDiscriminant(1);
            ext.setV1(v1);
        }
        return ext.getV1();
    }

    /**
     * Extension v2 of {@code account}, created if missing with no sponsorships and one empty sponsoring id per
     * signer, since {@code signerSponsoringIDs} runs parallel to {@code signers}.
     */
    public static AccountEntryExtensionV2 prepareV2(AccountEntry account) {
        AccountEntryExtensionV1 v1 = prepareV1(account);
        if (v1.getExt().getDiscriminant() == 0) {
            AccountEntryExtensionV2 v2 = new AccountEntryExtensionV2();
            v2.setNumSponsored(Accounts.uint32(0));
            v2.setNumSponsoring(Accounts.uint32(0));
            SponsorshipDescriptor[] ids = new SponsorshipDescriptor[Signers.of(account).length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = new SponsorshipDescriptor();
            }
            v2.setSignerSponsoringIDs(ids);
            AccountEntryExtensionV2.AccountEntryExtensionV2Ext v2Ext = new AccountEntryExtensionV2.AccountEntryExtensionV2Ext();
            v2Ext.setDiscriminant(0);
            v2.setExt(v2Ext);
            v1.getExt().setDiscriminant(2);
            v1.getExt().setV2(v2);
        }
        return v1.getExt().getV2();
    }

    /** Extension v3 of {@code account}, created if missing with sequence ledger and time 0. */
    public static AccountEntryExtensionV3 prepareV3(AccountEntry account) {
        AccountEntryExtensionV2 v2 = prepareV2(account);
        if (v2.getExt().getDiscriminant() == 0) {
            AccountEntryExtensionV3 v3 = new AccountEntryExtensionV3();
            ExtensionPoint point = new ExtensionPoint();
            point.setDiscriminant(0);
            v3.setExt(point);
            v3.setSeqLedger(Accounts.uint32(0));
            v3.setSeqTime(timePoint(0));
            v2.getExt().setDiscriminant(3);
            v2.getExt().setV3(v3);
        }
        return v2.getExt().getV3();
    }

    /** Extension v3 if the account has it, else {@code null}; never creates anything. */
    private static AccountEntryExtensionV3 v3OrNull(AccountEntry account) {
        var ext = account.getExt();
        if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() == 2
                && ext.getV1().getExt().getV2().getExt().getDiscriminant() == 3) {
            return ext.getV1().getExt().getV2().getExt().getV3();
        }
        return null;
    }

    /** Ledger in which the sequence number last changed; 0 without extension v3. */
    public static long seqLedger(AccountEntry account) {
        AccountEntryExtensionV3 v3 = v3OrNull(account);
        return v3 == null ? 0 : v3.getSeqLedger().getUint32().getNumber();
    }

    /** Close time (Unix seconds, unsigned) at which the sequence number last changed; 0 without extension v3. */
    public static BigInteger seqTime(AccountEntry account) {
        AccountEntryExtensionV3 v3 = v3OrNull(account);
        return v3 == null ? BigInteger.ZERO : v3.getSeqTime().getTimePoint().getUint64().getNumber();
    }

    /**
     * Records that the account's sequence number was consumed or bumped in the ledger of {@code ctx}, as
     * stellar-core's {@code maybeUpdateAccountOnLedgerSeqUpdate}: from protocol 19 the account carries the
     * ledger and close time in extension v3, which the min-sequence-age and -gap preconditions read.
     * Returns whether it stamped (false before protocol 19).
     */
    public static boolean stampSequenceUpdate(AccountEntry account, LedgerContext ctx) {
        if (ctx.profile().protocolVersion() < SEQ_STAMP_PROTOCOL_MIN) {
            return false;
        }
        AccountEntryExtensionV3 v3 = prepareV3(account);
        v3.setSeqLedger(Accounts.uint32(ctx.ledgerSeq()));
        v3.setSeqTime(timePoint(ctx.closeTime()));
        return true;
    }

    private static TimePoint timePoint(long seconds) {
        return new TimePoint(new Uint64(new XdrUnsignedHyperInteger(BigInteger.valueOf(seconds))));
    }
}
