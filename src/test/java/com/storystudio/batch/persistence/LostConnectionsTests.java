package com.storystudio.batch.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What happens to the pool when the database server goes away and comes back: the situation of a run
 * whose shared H2 file was served by another process that exited. A real H2 TCP server on 127.0.0.1
 * is stopped and started again under a transaction.
 */
class LostConnectionsTests {

    private Server server;
    private HikariDataSource pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aTransactionTakesItsConnectionAtItsFirstStatement() {
        pool = pool("jdbc:h2:mem:first-use;DB_CLOSE_DELAY=-1", null);
        DataSource lazy = (DataSource) ConnectionOnFirstUseConfiguration.connectionOnFirstUse()
                .postProcessAfterInitialization(pool, "dataSource");
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(lazy));
        JdbcTemplate jdbc = new JdbcTemplate(lazy);

        int[] activeBeforeAndAfter = transaction.execute(status -> {
            int before = pool.getHikariPoolMXBean().getActiveConnections();
            jdbc.queryForObject("SELECT 1", Integer.class);
            return new int[] {before, pool.getHikariPoolMXBean().getActiveConnections()};
        });

        assertThat(activeBeforeAndAfter).containsExactly(0, 1);
    }

    @Test
    void aConnectionBrokenByTheServerGoingAwayIsDroppedAndTheNextTransactionWorks() throws Exception {
        int port = freePort();
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        pool = pool("jdbc:h2:tcp://127.0.0.1:%d/mem:lost;DB_CLOSE_DELAY=-1;AUTO_RECONNECT=TRUE".formatted(port),
                LostConnectionEviction.class.getName());
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(pool));
        JdbcTemplate jdbc = new JdbcTemplate(pool);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT 1", Integer.class);
            server.stop();
            startServerAgain(port);
            jdbc.queryForObject("SELECT 2", Integer.class);
        })).isInstanceOfAny(DataAccessException.class, TransactionException.class);

        Integer afterwards = transaction.execute(status -> jdbc.queryForObject("SELECT 3", Integer.class));
        assertThat(afterwards).isEqualTo(3);
    }

    @Test
    void onlyH2sLostSessionErrorsForceEviction() {
        LostConnectionEviction eviction = new LostConnectionEviction();
        assertThat(eviction.adjudicate(new SQLException("Connection is broken", "90067", 90067)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("Unique index or primary key violation", "23505", 23505)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    private void startServerAgain(int port) {
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource pool(String url, String exceptionOverride) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setMaximumPoolSize(1);
        pool.setExceptionOverrideClassName(exceptionOverride);
        return pool;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
