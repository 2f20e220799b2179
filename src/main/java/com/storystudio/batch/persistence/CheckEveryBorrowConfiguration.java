package com.storystudio.batch.persistence;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool checks every connection it lends, however recently it was used.
 * <p>
 * Hikari checks that a pooled connection is alive before lending it, except one used within the last
 * 500 ms. This job borrows several times a second, so after PostgreSQL restarts (or the process serving a
 * shared H2 file exits) the connection it lends next is nearly always a dead one used a moment ago, and the
 * ledger write that gets it fails its step (PostgresRestartIT showed it). Checked at every borrow (one
 * round trip), a dead connection is replaced instead, the borrower waiting up to
 * {@code spring.datasource.hikari.connection-timeout} for the server to be back.
 * <p>
 * Hikari reads this only from a system property, when a pool is created; a value given with
 * {@code -Dcom.zaxxer.hikari.aliveBypassWindowMs} is kept.
 */
@Configuration(proxyBeanMethods = false)
class CheckEveryBorrowConfiguration {

    static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    /** Runs before any bean, and so before the DataSource creates its pool. */
    @Bean
    static BeanFactoryPostProcessor checkEveryBorrow() {
        return beanFactory -> {
            if (System.getProperty(ALIVE_BYPASS_WINDOW) == null) {
                System.setProperty(ALIVE_BYPASS_WINDOW, "0");
            }
        };
    }
}
