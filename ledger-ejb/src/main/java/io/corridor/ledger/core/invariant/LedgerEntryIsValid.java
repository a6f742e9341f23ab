package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AlphaNum12;
import org.stellar.sdk.xdr.AlphaNum4;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.TrustLineAsset;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * Every entry written is well formed (stellar-core's {@code LedgerEntryIsValid}): stamped with the ledger
 * that wrote it; accounts with a non-negative sequence number, known flags, at most 20 signers in stellar-core's
 * key order with weights 1..255 and a home domain of at most 32 bytes; trust lines for a valid credit asset with
 * known flags, not both authorized and authorized-to-maintain-liabilities.
 */
public final class LedgerEntryIsValid implements Invariant {

    private static final int ACCOUNT_FLAGS_MASK = 0xF;
    private static final int TRUSTLINE_FLAGS_MASK = 0x7;
    private static final int SIGNERS_MAX = 20;
    private static final int HOME_DOMAIN_BYTES_MAX = 32;

    @Override
    public String name() {
        return "LedgerEntryIsValid";
    }

    @Override
    public Optional<String> checkOnOperationApply(Operation operation, OperationResult result,
            List<EntryChange> changes, LedgerContext ctx) {
        return check(changes, ctx.ledgerSeq());
    }

    @Override
    public Optional<String> checkOnLedgerClose(LedgerHeader previous, LedgerHeader next, List<EntryChange> changes) {
        return check(changes, next.getLedgerSeq().getUint32().getNumber());
    }

    private static Optional<String> check(List<EntryChange> changes, long ledgerSeq) {
        for (EntryChange change : changes) {
            if (change.after().isEmpty()) {
                continue;
            }
            LedgerEntry entry = change.after().get();
            long modified = entry.getLastModifiedLedgerSeq().getUint32().getNumber();
            if (modified != ledgerSeq) {
                return Optional.of(Entries.describe(change) + " written in ledger " + ledgerSeq
                        + " but stamped " + modified);
            }
            Optional<String> problem = switch (entry.getData().getDiscriminant()) {
                case ACCOUNT -> account(entry.getData().getAccount());
                case TRUSTLINE -> trustLine(entry.getData().getTrustLine());
                default -> Optional.empty();
            };
            if (problem.isPresent()) {
                return Optional.of(Entries.describe(change) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> account(AccountEntry account) {
        if (Accounts.seqNum(account) < 0) {
            return Optional.of("negative sequence number");
        }
        if ((Accounts.flags(account) & ~ACCOUNT_FLAGS_MASK) != 0) {
            return Optional.of("unknown account flags " + Accounts.flags(account));
        }
        Signer[] signers = account.getSigners() == null ? new Signer[0] : account.getSigners();
        if (signers.length > SIGNERS_MAX) {
            return Optional.of(signers.length + " signers");
        }
        for (int i = 0; i < signers.length; i++) {
            long weight = signers[i].getWeight().getUint32().getNumber();
            if (weight < 1 || weight > 255) {
                return Optional.of("signer weight " + weight);
            }
            if (i > 0 && Signers.compare(signers[i - 1].getKey(), signers[i].getKey()) >= 0) {
                return Optional.of("signers not sorted by key or duplicated");
            }
        }
        if (account.getHomeDomain().getString32().getBytes().length > HOME_DOMAIN_BYTES_MAX) {
            return Optional.of("home domain longer than " + HOME_DOMAIN_BYTES_MAX + " bytes");
        }
        return Optional.empty();
    }

    private static Optional<String> trustLine(TrustLineEntry line) {
        int flags = (int) (long) line.getFlags().getUint32().getNumber();
        if ((flags & ~TRUSTLINE_FLAGS_MASK) != 0) {
            return Optional.of("unknown trust line flags " + flags);
        }
        if ((flags & 0x3) == 0x3) {
            return Optional.of("both authorized and authorized to maintain liabilities");
        }
        TrustLineAsset asset = line.getAsset();
        return switch (asset.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> validCode(asset.getAlphaNum4(), null);
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> validCode(null, asset.getAlphaNum12());
            case ASSET_TYPE_NATIVE -> Optional.of("a trust line for the native asset");
            default -> Optional.empty();
        };
    }

    /** 1-4 (or 5-12) characters [A-Za-z0-9], padded with zero bytes only at the end. */
    private static Optional<String> validCode(AlphaNum4 four, AlphaNum12 twelve) {
        byte[] code = four != null ? four.getAssetCode().getAssetCode4() : twelve.getAssetCode().getAssetCode12();
        int length = 0;
        while (length < code.length && code[length] != 0) {
            char c = (char) code[length];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return Optional.of("asset code with character " + (int) c);
            }
            length++;
        }
        for (int i = length; i < code.length; i++) {
            if (code[i] != 0) {
                return Optional.of("asset code with bytes after its padding");
            }
        }
        int min = four != null ? 1 : 5;
        return length < min ? Optional.of("asset code of " + length + " characters") : Optional.empty();
    }
}
