package io.tvbridge.core.alert.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The judge of take-profit lists can fail: each way a read can differ from the targets meant is caught. */
class CorpusJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void comparesTargetsInOrderWithTheirShares(String why, String meant, String read, boolean same) throws Exception {
        JsonNode expected = JSON.readTree(meant);
        assertThat(CorpusJudge.sameTargets(expected, read)).isEqualTo(same);
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                arguments("prices in order", "[101, 102, 103]", "101 (33.33%), 102 (33.33%), 103 (33.33%)", true),
                arguments("prices in another order", "[101, 102, 103]", "102 (33.33%), 101 (33.33%), 103 (33.33%)",
                        false),
                arguments("a price missing", "[101, 102, 103]", "101 (50%), 102 (50%)", false),
                arguments("a price more", "[101, 102]", "101 (33.33%), 102 (33.33%), 103 (33.33%)", false),
                arguments("a different price", "[101, 102]", "101 (50%), 102.5 (50%)", false),
                arguments("the share meant", "[{\"price\": 101, \"close_percent\": 50}, {\"price\": 102}]",
                        "101 (50%), 102 (50%)", true),
                arguments("another share", "[{\"price\": 101, \"close_percent\": 50}, {\"price\": 102}]",
                        "101 (25%), 102 (75%)", false),
                arguments("a single take-profit for a list of two", "[101, 102]", "101", false),
                arguments("a distance for a price", "[101, 102]", "20 pips (50%), 40 pips (50%)", false),
                arguments("a rest without a target that is not meant", "[{\"price\": 101, \"close_percent\": 50}]",
                        "101 (50%)", false),
                arguments("a rest the shares meant leave", "[{\"price\": 101, \"close_percent\": 50}]",
                        "101 (50%); 50% without take-profit", true),
                arguments("a rest where every target closes an equal part", "[101, 102]",
                        "101 (40%), 102 (40%); 20% without take-profit", false),
                arguments("nothing read", "[101, 102]", null, false));
    }
}
