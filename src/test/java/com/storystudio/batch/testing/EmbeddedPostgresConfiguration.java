package com.storystudio.batch.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL ({@link PostgresServer}) as the application's database. The server is a bean of the
 * test's application context: it starts before the DataSource is built and stops after the context has
 * closed its connection pool, so no JUnit callback has to be ordered against Spring's. Annotate the test
 * class {@code @DirtiesContext} so that the context, and with it the server, ends with the class instead of
 * staying in the context cache until the JVM exits.
 * <p>
 * The application connects as an ordinary role owning its own database, as in production, not as the
 * superuser: a migration that only works for a superuser must fail here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    public static final String DATABASE = "storystudio";
    public static final String ROLE = PostgresServer.ROLE;

    @Bean(destroyMethod = "close")
    PostgresServer postgresServer() {
        PostgresServer server = PostgresServer.startThrowaway();
        server.createDatabase(DATABASE);
        return server;
    }

    /** Overrides application.properties' H2 URL and its {@code sa} user. */
    @Bean
    DynamicPropertyRegistrar embeddedPostgresProperties(PostgresServer postgres) {
        return registry -> {
            registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
            registry.add("spring.datasource.username", () -> ROLE);
            // The embedded cluster trusts local connections.
            registry.add("spring.datasource.password", () -> "");
        };
    }
}
