package io.corridor.ledger.infrastructure.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.Configuration;

/**
 * The ledger's tables outside the application server, on a plain JDBC URL (H2 or PostgreSQL), with the same
 * entity mapping and JDBC batching as the deployed persistence unit ({@code META-INF/persistence.xml}). Used
 * by the database replay tests, the durable-commit benchmark and the federation directory's round-trip test.
 */
public final class StandaloneJpa {

    private StandaloneJpa() {
    }

    /**
     * Opens an entity-manager factory; with {@code recreate} the schema is dropped and created afresh,
     * otherwise it is updated in place as the server does.
     */
    public static EntityManagerFactory open(String jdbcUrl, String user, String password, boolean recreate) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(LedgerHeaderRow.class)
                .addAnnotatedClass(LedgerEntryRow.class)
                .addAnnotatedClass(TransactionRow.class)
                .addAnnotatedClass(OperationRow.class)
                .addAnnotatedClass(ParticipationRow.class)
                .addAnnotatedClass(HistoryElderRow.class)
                .addAnnotatedClass(FederationRow.class)
                .setProperty("hibernate.connection.url", jdbcUrl)
                .setProperty("hibernate.connection.username", user)
                .setProperty("hibernate.connection.password", password)
                .setProperty("hibernate.connection.pool_size", "2")
                .setProperty("hibernate.hbm2ddl.auto", recreate ? "create" : "update")
                .setProperty("hibernate.jdbc.batch_size", "200")
                .setProperty("hibernate.order_inserts", "true")
                .setProperty("hibernate.order_updates", "true")
                .setProperty("hibernate.show_sql", "false");
        return configuration.buildSessionFactory();
    }
}
