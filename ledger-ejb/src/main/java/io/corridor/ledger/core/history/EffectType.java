package io.corridor.ledger.core.history;

import java.util.Locale;

/**
 * Horizon's effect types: the name it writes as {@code type} and the stable number it writes as
 * {@code type_i} (history.EffectType in stellar/go). Only the classic effects of the operations this ledger
 * applies are listed; trades, liquidity pools and contracts have none here.
 */
public enum EffectType {
    ACCOUNT_CREATED(0),
    ACCOUNT_REMOVED(1),
    ACCOUNT_CREDITED(2),
    ACCOUNT_DEBITED(3),
    ACCOUNT_THRESHOLDS_UPDATED(4),
    ACCOUNT_HOME_DOMAIN_UPDATED(5),
    ACCOUNT_FLAGS_UPDATED(6),
    ACCOUNT_INFLATION_DESTINATION_UPDATED(7),
    SIGNER_CREATED(10),
    SIGNER_REMOVED(11),
    SIGNER_UPDATED(12),
    TRUSTLINE_CREATED(20),
    TRUSTLINE_REMOVED(21),
    TRUSTLINE_UPDATED(22),
    /** Deprecated by Horizon in favour of {@link #TRUSTLINE_FLAGS_UPDATED}, which ALLOW_TRUST also emits. */
    TRUSTLINE_AUTHORIZED(23),
    /** Deprecated by Horizon in favour of {@link #TRUSTLINE_FLAGS_UPDATED}, which ALLOW_TRUST also emits. */
    TRUSTLINE_DEAUTHORIZED(24),
    /** Deprecated by Horizon in favour of {@link #TRUSTLINE_FLAGS_UPDATED}, which ALLOW_TRUST also emits. */
    TRUSTLINE_AUTHORIZED_TO_MAINTAIN_LIABILITIES(25),
    TRUSTLINE_FLAGS_UPDATED(26),
    DATA_CREATED(40),
    DATA_REMOVED(41),
    DATA_UPDATED(42),
    SEQUENCE_BUMPED(43),
    CLAIMABLE_BALANCE_CREATED(50),
    CLAIMABLE_BALANCE_CLAIMANT_CREATED(51),
    CLAIMABLE_BALANCE_CLAIMED(52),
    ACCOUNT_SPONSORSHIP_CREATED(60),
    ACCOUNT_SPONSORSHIP_UPDATED(61),
    ACCOUNT_SPONSORSHIP_REMOVED(62),
    TRUSTLINE_SPONSORSHIP_CREATED(63),
    TRUSTLINE_SPONSORSHIP_UPDATED(64),
    TRUSTLINE_SPONSORSHIP_REMOVED(65),
    DATA_SPONSORSHIP_CREATED(66),
    DATA_SPONSORSHIP_UPDATED(67),
    DATA_SPONSORSHIP_REMOVED(68),
    CLAIMABLE_BALANCE_SPONSORSHIP_CREATED(69),
    CLAIMABLE_BALANCE_SPONSORSHIP_UPDATED(70),
    CLAIMABLE_BALANCE_SPONSORSHIP_REMOVED(71),
    SIGNER_SPONSORSHIP_CREATED(72),
    SIGNER_SPONSORSHIP_UPDATED(73),
    SIGNER_SPONSORSHIP_REMOVED(74),
    CLAIMABLE_BALANCE_CLAWED_BACK(80);

    private final int code;

    EffectType(int code) {
        this.code = code;
    }

    /** Horizon's {@code type_i}. */
    public int code() {
        return code;
    }

    /** Horizon's {@code type}, e.g. {@code account_created}. */
    public String horizonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
