package io.tvbridge.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes one log event the way {@link Logging#format()} says, with the configured secrets masked
 * in everything it holds (message, stack trace, names).
 * <ul>
 * <li>text: {@code 2026-01-05T14:30:00.123Z INFO DecisionStage - message}, then the stack trace as
 * {@link Throwable#printStackTrace()} prints it, on the lines below (the format tvbridge always had);
 * <li>JSON: one object a line with {@code time} (ISO-8601 with the offset), {@code level},
 * {@code logger}, {@code thread}, {@code message}, {@code instance} ({@code INSTANCE_ID}) and, with
 * a throwable, {@code error}: its stack trace as one string.
 * </ul>
 * Stateless, so that appenders may encode on several threads at once.
 */
final class LogEncoder extends EncoderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());
    private static final JsonFactory JSON = new JsonFactory();
    private static final String NEWLINE = System.lineSeparator();

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return Logging.format() == LogFormat.JSON ? json(event) : text(event);
    }

    static byte[] text(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(event.getInstant())).append(' ')
                .append(event.getLevel()).append(' ')
                .append(shortName(event.getLoggerName())).append(" - ")
                .append(event.getFormattedMessage()).append(NEWLINE);
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.append(stackTrace(error));
        }
        return Logging.mask(line.toString()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", TIME.format(event.getInstant()));
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", Logging.mask(event.getLoggerName()));
            json.writeStringField("thread", Logging.mask(event.getThreadName()));
            json.writeStringField("message", Logging.mask(event.getFormattedMessage()));
            json.writeStringField("instance", Logging.mask(Logging.instance()));
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                json.writeStringField("error", Logging.mask(stackTrace(error).stripTrailing()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // not on a byte array
        }
        line.write('\n');
        return line.toByteArray();
    }

    /** {@code org.example.Thing} is {@code Thing}. */
    private static String shortName(String loggerName) {
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }

    /** As {@link Throwable#printStackTrace()} prints it, each line ended. */
    private static String stackTrace(IThrowableProxy error) {
        if (error instanceof ThrowableProxy proxy) {
            StringWriter trace = new StringWriter(1024);
            try (PrintWriter writer = new PrintWriter(trace)) {
                proxy.getThrowable().printStackTrace(writer);
            }
            return trace.toString();
        }
        return ThrowableProxyUtil.asString(error);   // an event from elsewhere, without its throwable
    }
}
