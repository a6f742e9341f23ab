package io.corridor.ledger.application;

import java.util.concurrent.CompletableFuture;
import org.stellar.sdk.xdr.TransactionResult;

/** What happened to a submitted transaction at admission. */
public sealed interface Submission {

    /** Queued (or already queued): the future completes when the ledger holding it is committed. */
    record Pending(String hash, CompletableFuture<TransactionRecord> outcome) implements Submission {
    }

    /** Already in a closed ledger: the stored outcome, returned again for a resubmission. */
    record AlreadyApplied(TransactionRecord record) implements Submission {
    }

    /** Not valid for the next ledger; the result carries Stellar's code and nothing was charged. */
    record Rejected(String hash, TransactionResult result) implements Submission {
    }

    /** Valid but not accepted now (queue full, or its source already has a transaction pending). */
    record TryAgainLater(String hash, String reason) implements Submission {
    }
}
