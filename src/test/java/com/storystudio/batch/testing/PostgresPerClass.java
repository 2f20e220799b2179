package com.storystudio.batch.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL for a test class, started when a test first asks for it (so a class's H2 tests
 * run without one) and stopped, its data deleted, after the class. Register it on a static field:
 * {@code @RegisterExtension static final PostgresPerClass postgres = new PostgresPerClass();}
 */
public final class PostgresPerClass implements AfterAllCallback {

    private PostgresServer server;

    public synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.startThrowaway();
        }
        return server;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
