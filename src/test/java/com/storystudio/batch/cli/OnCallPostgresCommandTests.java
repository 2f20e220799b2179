package com.storystudio.batch.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The on-call commands on a real PostgreSQL, as in production: the application connects as an ordinary role owning
 * its database, a fresh one per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnCallPostgresCommandTests extends OnCallScenarios {

    private static final String ROLE = "storystudio";

    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedPostgres postgres;
    private String database;

    @BeforeAll
    void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
        try (Connection superuser = postgres.getPostgresDatabase().getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("CREATE ROLE " + ROLE + " LOGIN");
        }
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "oncall" + databases.incrementAndGet();
        try (Connection superuser = postgres.getPostgresDatabase().getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
    }

    @Override
    List<String> database() {
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl(ROLE, database), "--spring.datasource.username=" + ROLE,
                "--spring.datasource.password=");
    }

    @Override
    Connection connect() throws SQLException {
        return postgres.getDatabase(ROLE, database).getConnection();
    }
}
