package io.tvbridge.core.alert;

import java.util.List;

/**
 * Reads the messages of one product's alert language into tvbridge's own fields. A reader
 * first says whether a message is written in its dialect (by the keys or the shape only that
 * product uses); {@link AlertDialects} asks the readers in a fixed order and the first that
 * recognises the message reads it. Pure: no I/O, no clock, no settings.
 */
interface DialectReader {
    AlertDialect dialect();

    boolean recognises(AlertMessage message);

    /** The orders the message asks for, each as tvbridge fields; refuses what it cannot read without guessing. */
    List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem;
}
