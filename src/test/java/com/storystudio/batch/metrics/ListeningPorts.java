package com.storystudio.batch.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP ports a process listens on, read from Linux's /proc: its socket descriptors, matched with the
 * kernel's table of listening sockets. Empty where there is no /proc.
 */
final class ListeningPorts {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    static boolean readable() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/net/tcp"));
    }

    static Set<Integer> of(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            descriptors.forEach(fd -> {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                }
                catch (IOException e) {
                    // closed while listed
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                Files.readAllLines(Path.of(table)).stream().skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(columns -> columns.length > 9 && LISTEN.equals(columns[3]) && inodes.contains(columns[9]))
                        .forEach(columns -> ports.add(Integer.parseInt(columns[1].substring(columns[1].indexOf(':') + 1), 16)));
            }
            catch (IOException e) {
                // no IPv6 table on this machine
            }
        }
        return ports;
    }
}
