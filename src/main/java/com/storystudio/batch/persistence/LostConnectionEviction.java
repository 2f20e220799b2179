package com.storystudio.batch.persistence;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells Hikari to drop a connection whose H2 session is gone. An H2 file shared through
 * {@code AUTO_SERVER} is served by whichever process opened it first; when that process exits,
 * the others' connections break with H2's own error codes, which Hikari does not recognise as
 * fatal (it looks for SQL state {@code 08xxx}). Without this, a broken connection goes back into
 * the pool and every later transaction that borrows it fails too.
 * <p>
 * Named in {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class LostConnectionEviction implements SQLExceptionOverride {

    /** H2's CONNECTION_BROKEN_1, DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN. */
    static final Set<Integer> H2_SESSION_GONE = Set.of(90067, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return H2_SESSION_GONE.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
