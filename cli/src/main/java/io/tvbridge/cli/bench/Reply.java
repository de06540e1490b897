package io.tvbridge.cli.bench;

/** What came back for one alert: an HTTP answer, or a failure before one arrived. */
public sealed interface Reply {

    /** The daemon answered with {@code status} and {@code body}. */
    record Answered(int status, String body) implements Reply {
    }

    /** No answer: {@code kind} is {@code timeout} or {@code connection}; {@code detail} says more. */
    record Failed(String kind, String detail) implements Reply {
        public static final String TIMEOUT = "timeout";
        public static final String CONNECTION = "connection";
    }
}
