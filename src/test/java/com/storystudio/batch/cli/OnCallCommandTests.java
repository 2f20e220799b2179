package com.storystudio.batch.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import com.storystudio.batch.testing.RemoteCommand;

/** The on-call commands on the default job database, an H2 file. */
class OnCallCommandTests extends OnCallScenarios {

    @Override
    List<String> database() {
        return List.of();
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(RemoteCommand.against(remote, work).databaseUrl(), "sa", "");
    }
}
