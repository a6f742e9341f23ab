package io.corridor.ledger.infrastructure.persistence;

import io.corridor.federation.FederationAddress;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.ForwardKey;
import io.corridor.federation.RegisterOutcome;
import io.corridor.federation.RemoveOutcome;
import io.corridor.federation.StellarAddress;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The federation directory in the {@code federation_address} table. Each registration or removal is one
 * transaction; the unique constraints settle two registrations racing for the same address or forward.
 */
@Stateless
@Local(FederationDirectory.class)
public class JpaFederationDirectory implements FederationDirectory {

    @PersistenceContext(unitName = "corridor")
    private EntityManager em;

    /** For the container, which injects the entity manager. */
    public JpaFederationDirectory() {
    }

    /** Outside a container (tests, tools): the caller owns {@code em} and demarcates its transactions. */
    public JpaFederationDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RegisterOutcome register(FederationAddress address) {
        Optional<FederationAddress> atForward = address.forward().flatMap(this::byForward);
        RegisterOutcome outcome = RegisterOutcome.decide(address, byAddress(address.address()), atForward);
        if (outcome != RegisterOutcome.CREATED) {
            return outcome;
        }
        try {
            em.persist(new FederationRow(address));
            em.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                // Another transaction inserted the address or forward after our reads; this one rolls back.
                return RegisterOutcome.CONCURRENT_CHANGE;
            }
            throw e;
        }
        return RegisterOutcome.CREATED;
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RemoveOutcome remove(StellarAddress address) {
        int removed = em.createQuery("delete from FederationRow f where f.lookupKey = :key")
                .setParameter("key", address.lookupKey())
                .executeUpdate();
        return removed == 0 ? RemoveOutcome.NOT_FOUND : RemoveOutcome.REMOVED;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FederationAddress> byAddress(StellarAddress address) {
        return em.createQuery("select f from FederationRow f where f.lookupKey = :key", FederationRow.class)
                .setParameter("key", address.lookupKey())
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(FederationRow::toAddress);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FederationAddress> byAccountId(String accountId, int limit) {
        if (limit < 1 || limit > ADDRESSES_PER_ACCOUNT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + ADDRESSES_PER_ACCOUNT_MAX + ": " + limit);
        }
        return em.createQuery("select f from FederationRow f where f.accountId = :account order by f.id",
                        FederationRow.class)
                .setParameter("account", accountId)
                .setMaxResults(limit)
                .getResultList().stream().map(FederationRow::toAddress).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FederationAddress> byForward(ForwardKey key) {
        return em.createQuery("select f from FederationRow f where f.forwardSwift = :swift and f.forwardAcct = :acct",
                        FederationRow.class)
                .setParameter("swift", key.swift())
                .setParameter("acct", key.acct())
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(FederationRow::toAddress);
    }
}
