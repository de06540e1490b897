package io.tvbridge.broker.ibkr.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every incoming vector, at every server version it covers, decodes completely to the values
 * the vector expects. Objects are compared field by field by IB's names: every field of
 * ours that the vector names must equal it, and a field the vector leaves out (unset) must be
 * unset in ours too. Fields we do not model are not compared.
 */
class IbDecoderVectorTest {
    /** Carried by requests, not by the messages TWS sends: ours hold the request default. */
    private static final Set<String> REQUEST_ONLY = Set.of("transmit", "includeExpired");

    static Stream<TwsVectors.Case> incoming() {
        return TwsVectors.cases("in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incoming")
    void decodesTheVectorToItsExpectedValues(TwsVectors.Case vector) throws Exception {
        List<String> fields = TwsWire.readFrame(new ByteArrayInputStream(vector.bytes()));
        assertThat(fields).containsExactlyElementsOf(
                TwsVectors.JSON.convertValue(vector.vector().get("fields"), List.class));
        JsonNode expect = vector.vector().get("expect");

        if (vector.name().equals("handshake_server_version")) {
            ServerHello hello = ServerHello.parse(fields).orElseThrow();
            assertMatches("hello", TwsVectors.JSON.valueToTree(hello), expect);
            return;
        }
        StoqeyEvents events = new StoqeyEvents();
        boolean complete = new IbDecoder(vector.serverVersion()).decode(fields, events);
        assertThat(complete).as("every field consumed").isTrue();
        assertThat(events.events).extracting(StoqeyEvents.Event::event)
                .containsExactlyElementsOf(expect.findValuesAsText("event"));
        for (int i = 0; i < expect.size(); i++) {
            assertMatches(expect.get(i).get("event").asText(), events.events.get(i).args(),
                    expect.get(i).get("args"));
        }
    }

    private static void assertMatches(String path, JsonNode ours, JsonNode expected) {
        if (expected.isObject()) {
            assertThat(ours.isObject()).as(path + " is an object").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (ours.has(field.getKey())) {
                    assertMatches(path + "." + field.getKey(), ours.get(field.getKey()), field.getValue());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ours.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!expected.has(field.getKey()) && !REQUEST_ONLY.contains(field.getKey())) {
                    assertThat(isUnset(field.getValue())).as(path + "." + field.getKey() + " is unset in the vector"
                            + " but " + field.getValue() + " here").isTrue();
                }
            }
        } else if (expected.isArray()) {
            assertThat(ours.isArray()).as(path + " is a list").isTrue();
            assertThat(ours.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertMatches(path + "[" + i + "]", ours.get(i), expected.get(i));
            }
        } else if (expected.isNumber()) {
            BigDecimal theirs = expected.decimalValue();
            BigDecimal mine = ours.isNull() || (ours.isTextual() && ours.asText().isEmpty()) ? BigDecimal.ZERO
                    : new BigDecimal(ours.asText());
            assertThat(mine).as(path).isEqualByComparingTo(theirs);
        } else if (expected.isNull()) {
            assertThat(isUnset(ours)).as(path + " is null in the vector but " + ours + " here").isTrue();
        } else {
            assertThat(ours.asText()).as(path).isEqualTo(expected.asText());
        }
    }

    private static boolean isUnset(JsonNode value) {
        return value.isNull() || value.isTextual() && value.asText().isEmpty()
                || value.isArray() && value.isEmpty();
    }
}
