package io.tvbridge.broker.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.tck.TestBrokerContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default journal: a file of lines in the broker's state directory, kept across instances. */
class FileBrokerJournalTest {
    @TempDir
    Path state;

    private BrokerContext context() {
        return new TestBrokerContext(Clock.systemUTC(), BrokerListener.IGNORE, state);
    }

    @Test
    void aContextsJournalIsTheFileOfItsNameInTheStateDirectoryAndKeepsItsLinesForTheNextInstance()
            throws IOException {
        try (BrokerJournal journal = context().journal("orders")) {
            assertThat(journal.lines()).isEmpty();
            journal.append("event=placed\tid=a");
            journal.append("");
            journal.append("ünïcode=ok");
            assertThat(journal.lines()).containsExactly("event=placed\tid=a", "", "ünïcode=ok");
            // on disk already, before the journal is closed: a killed process keeps it
            assertThat(Files.readString(state.resolve("orders.log"), StandardCharsets.UTF_8))
                    .isEqualTo("event=placed\tid=a" + System.lineSeparator() + System.lineSeparator() + "ünïcode=ok"
                            + System.lineSeparator());
        }
        try (BrokerJournal again = context().journal("orders")) {
            assertThat(again.lines()).containsExactly("event=placed\tid=a", "", "ünïcode=ok");
            again.append("after");
            assertThat(again.lines()).endsWith("ünïcode=ok", "after");
        }
        assertThat(FileBrokerJournal.read(state.resolve("orders.log"))).hasSize(4);
    }

    @Test
    void aLastLineNeverFinishedIsLeftOutAndCutOffBeforeTheNextAppend() throws IOException {
        Path file = state.resolve("orders.log");
        Files.writeString(file, "one\ntwo\nthr", StandardCharsets.UTF_8);
        assertThat(FileBrokerJournal.read(file)).containsExactly("one", "two");
        assertThat(Files.readString(file)).as("reading changes nothing").isEqualTo("one\ntwo\nthr");

        try (BrokerJournal journal = context().journal("orders")) {
            assertThat(journal.lines()).containsExactly("one", "two");
            journal.append("three");
        }
        try (BrokerJournal journal = context().journal("orders")) {
            assertThat(journal.lines()).as("the torn tail does not run into the next line")
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void aJournalWithoutAFileIsEmptyAndReadingItCreatesNothing() {
        Path file = state.resolve("none.log");
        assertThat(FileBrokerJournal.read(file)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesLineBreaksInALineAndNamesThatAreNoFileName() {
        try (BrokerJournal journal = context().journal("orders")) {
            assertThatThrownBy(() -> journal.append("two\nlines")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line break");
            assertThatThrownBy(() -> journal.append("carriage\rreturn")).isInstanceOf(IllegalArgumentException.class);
            assertThat(journal.lines()).isEmpty();
        }
        for (String name : new String[] {"", "../escape", "a/b", ".hidden", "x".repeat(101), "sp ace"}) {
            assertThatThrownBy(() -> context().journal(name)).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("journal's name");
        }
        assertThat(Path.of(FileBrokerJournal.fileName("paper-journal"))).hasToString("paper-journal.log");
    }
}
