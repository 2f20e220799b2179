package com.storystudio.batch.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded binaries) as the application's database. The server is a
 * bean of the test's application context: it starts before the DataSource is built and stops after
 * the context has closed its connection pool, so no JUnit callback has to be ordered against
 * Spring's. Annotate the test class {@code @DirtiesContext} so that the context, and with it the
 * server, ends with the class instead of staying in the context cache until the JVM exits.
 * <p>
 * The application connects as an ordinary role owning its own database, as in production, not
 * as the superuser: a migration that only works for a superuser must fail here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    public static final String DATABASE = "storystudio";
    public static final String ROLE = "storystudio";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // A throwaway cluster: durability only costs time here.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             Statement sql = superuser.createStatement()) {
            sql.execute("CREATE ROLE " + ROLE + " LOGIN");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        }
        catch (SQLException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** Overrides application.properties' H2 URL and its {@code sa} user. */
    @Bean
    DynamicPropertyRegistrar embeddedPostgresProperties(EmbeddedPostgres postgres) {
        return registry -> {
            // The address the library itself checked the server's readiness through.
            registry.add("spring.datasource.url", () -> postgres.getJdbcUrl(ROLE, DATABASE));
            registry.add("spring.datasource.username", () -> ROLE);
            // The embedded cluster trusts local connections.
            registry.add("spring.datasource.password", () -> "");
        };
    }
}
