package io.tvbridge.core.config;

/** The configuration is wrong; the message names the setting to fix and is shown as it is. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
