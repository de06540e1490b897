package io.tvbridge.core.lease;

import static java.util.Objects.requireNonNull;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * The name of one tvbridge instance ({@code INSTANCE_ID}, by default the host name), as logs,
 * {@code /health} and the engine lease show it.
 */
public record InstanceId(String value) {
    public static final String INSTANCE_ID = "INSTANCE_ID";
    private static final int MAX_LENGTH = 100;

    public InstanceId {
        requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            throw new ConfigException(INSTANCE_ID + " must be 1 to " + MAX_LENGTH
                    + " characters without spaces around them: '" + value + "'");
        }
    }

    /** {@code INSTANCE_ID}, or the host name when it is not set. */
    public static InstanceId from(ConfigValues values) {
        return values.text(INSTANCE_ID).map(InstanceId::new).orElseGet(InstanceId::hostName);
    }

    private static InstanceId hostName() {
        try {
            return new InstanceId(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return new InstanceId("tvbridge");
        }
    }

    /**
     * The name this process holds the engine lease under: the instance with this process's id and
     * start, so that a restarted process is a new holder (and the lease's epoch moves) even on the
     * same machine.
     */
    public String holder() {
        return value + "/" + ProcessHandle.current().pid() + "@"
                + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    @Override
    public String toString() {
        return value;
    }
}
