package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 18 as the pom pins them) on 127.0.0.1,
 * with the application's role: an ordinary login role that owns the databases it is given, as in
 * production, so that a migration only a superuser could run fails here. Each test takes a fresh database
 * from it ({@link #createDatabase()}); one server serves a whole test class.
 * <p>
 * {@link #stop()} and {@link #start()} stop and start the same cluster (data directory and port) again, for
 * tests of what a client does while its server restarts.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String ROLE = "storystudio";

    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final AtomicInteger databases = new AtomicInteger();
    private int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, boolean deleteOnClose) {
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** A new cluster in {@code dataDirectory} (empty or absent, the caller's to delete), running, with the application's role. */
    public static PostgresServer startIn(Path dataDirectory) {
        return started(new PostgresServer(dataDirectory, false));
    }

    /** A new cluster in a temporary folder that {@link #close()} deletes. */
    public static PostgresServer startThrowaway() {
        try {
            return started(new PostgresServer(Files.createTempDirectory("storystudio-postgres-"), true));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for PostgreSQL", e);
        }
    }

    private static PostgresServer started(PostgresServer server) {
        server.start();
        try {
            server.asSuperuser("CREATE ROLE " + ROLE + " LOGIN");
        }
        catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Starts the cluster: the first time on a free port, afterwards on the same port and data. */
    public void start() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // A throwaway cluster: durability across an OS crash only costs time here. A server
                // stop (pg_ctl, fast mode) still writes everything committed.
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off");
        if (port != 0) {
            builder.setPort(port);
        }
        try {
            postgres = builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
        }
        port = postgres.getPort();
    }

    /** Stops the server as an administrator would (pg_ctl stop, fast mode): its clients' sessions end. */
    public void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
        }
        finally {
            postgres = null;
        }
    }

    /** A new, empty database owned by the application's role; its JDBC URL. */
    public String createDatabase() {
        return createDatabase("storystudio_" + databases.incrementAndGet());
    }

    /** A new, empty database {@code name} owned by the application's role; its JDBC URL. */
    public String createDatabase(String name) {
        asSuperuser("CREATE DATABASE " + name + " OWNER " + ROLE);
        return jdbcUrl(name);
    }

    /** The database {@code name} on this server, for the application's role. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, name);
    }

    public int port() {
        return port;
    }

    /** A new, empty database ({@link #createDatabase()}) as the job database of launches. */
    public JobDatabase newJobDatabase() {
        return JobDatabase.at(createDatabase(), ROLE);
    }

    private void asSuperuser(String sql) {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             Statement statement = superuser.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and, for a throwaway cluster, deletes its data. */
    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dataDirectory, e);
            }
        }
    }
}
