package io.tvbridge.core.notify;

/**
 * Sends notices to the trader (the log, and Telegram when configured). Called from any thread, often
 * while work waits: an implementation returns quickly, queueing what it sends, and never throws.
 */
public interface Notifier {

    void notify(Notice notice);
}
