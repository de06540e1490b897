package io.tvbridge.server.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Long texts become several messages under Telegram's 4,096 characters, cut where a reader expects it. */
class TextSplitterTest {

    @Test
    void aShortTextIsOneMessage() {
        assertThat(TextSplitter.split("Filled BUY 10 AAPL @ 187.2", 4096)).containsExactly("Filled BUY 10 AAPL @ 187.2");
        assertThat(TextSplitter.split("", 4096)).containsExactly("");
    }

    @Test
    void cutsOnLineBreaksAndLosesNoLine() {
        String text = IntStream.rangeClosed(1, 400).mapToObj(i -> "line " + i + ": Filled BUY 1 AAPL @ 187.20")
                .collect(Collectors.joining("\n"));

        List<String> parts = TextSplitter.split(text, TextSplitter.TELEGRAM_LIMIT);

        assertThat(parts).hasSizeGreaterThan(1).allMatch(p -> p.length() <= 4096);
        assertThat(parts.get(1)).startsWith("line ");
        assertThat(String.join("\n", parts)).isEqualTo(text);
    }

    @Test
    void withoutLineBreaksCutsOnSpacesElseAnywhereButNeverInsideASurrogatePair() {
        assertThat(TextSplitter.split("aaaa bbbb cccc", 9)).containsExactly("aaaa bbbb", "cccc");
        assertThat(TextSplitter.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        String emoji = "ab\uD83D\uDCC8cd";   // a chart emoji, two chars
        assertThat(TextSplitter.split(emoji, 3)).containsExactly("ab", "\uD83D\uDCC8c", "d");
    }
}
