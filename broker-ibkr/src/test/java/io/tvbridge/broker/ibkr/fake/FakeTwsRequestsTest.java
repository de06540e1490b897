package io.tvbridge.broker.ibkr.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbEncoder;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.TwsProtocolException;
import io.tvbridge.broker.ibkr.codec.TwsVectors;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.VersionRange;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake reads every outgoing golden vector, at every server version it covers, back to the
 * call that produced it: the vector's {@code input} names an {@code IbEncoder} method, and the
 * request record of the same name has that method's arguments as its components.
 */
class FakeTwsRequestsTest {

    static Stream<TwsVectors.Case> outgoing() {
        return TwsVectors.cases("out");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outgoing")
    void decodesEveryOutgoingVectorToItsInput(TwsVectors.Case vector) throws Exception {
        List<String> fields = fields(vector.vector().get("fields"));
        JsonNode input = vector.vector().get("input");
        if (vector.name().equals("handshake_client_hello")) {
            assertEquals(new VersionRange(176, 193, ""), VersionRange.parse(fields.get(0)));
            return;
        }
        FakeTwsRequests.Request expected = input.has("method")
                ? expected(input.get("method").asText(), input.get("args"))
                : new FakeTwsRequests.StartApi(input.get("clientId").asInt(),
                        input.get("optionalCapabilities").asText());

        FakeTwsRequests.Request decoded = new FakeTwsRequests(vector.serverVersion()).decode(fields);

        assertThat(decoded).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v176..193,176,193,''", "v100..200 +PACEAPI,100,200,+PACEAPI", "v193,193,193,''"})
    void readsTheHelloRange(String hello, int min, int max, String options) {
        assertEquals(new VersionRange(min, max, options), VersionRange.parse(hello));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"API", "v193..176", "vx..193", "v176..180..193"})
    void refusesAHelloThatIsNoRange(String hello) {
        assertThatThrownBy(() -> VersionRange.parse(hello)).isInstanceOf(TwsProtocolException.class)
                .hasMessageContaining(hello);
    }

    @Test
    void refusesTrailingFieldsAndOrdersItDoesNotModel() {
        FakeTwsRequests requests = new FakeTwsRequests(193);
        List<String> placed = new IbEncoder(193).placeOrder(1, IbContract.of("AAPL", "STK", "SMART", "USD"),
                IbOrder.of("BUY", BigDecimal.ONE, "MKT", "DAY"));
        List<String> longer = new ArrayList<>(placed);
        longer.add("0");
        List<String> algo = new ArrayList<>(placed);
        algo.set(82, "Adaptive");

        assertThatThrownBy(() -> requests.decode(longer)).hasMessage(
                "PLACE_ORDER: 1 fields left over at server version 193 (119 fields)");
        assertThatThrownBy(() -> requests.decode(algo)).hasMessage(
                "PLACE_ORDER: the fake TWS does not support an algo order");
        assertThatThrownBy(() -> new FakeTwsRequests(186).decode(placed)).isInstanceOf(TwsProtocolException.class);
    }

    @Test
    void keepsMessagesItDoesNotKnowAsTheyCame() {
        assertEquals(new FakeTwsRequests.Unknown(2, List.of("2", "2", "9401")),
                new FakeTwsRequests(193).decode(List.of("2", "2", "9401")));
    }

    private static List<String> fields(JsonNode array) {
        List<String> fields = new ArrayList<>();
        array.forEach(f -> fields.add(f.asText()));
        return fields;
    }

    /** The request record named like the encoder method, built from the call's arguments (missing ones at defaults). */
    private static FakeTwsRequests.Request expected(String method, JsonNode args) throws Exception {
        String name = Character.toUpperCase(method.charAt(0)) + method.substring(1);
        Class<?> type = Arrays.stream(FakeTwsRequests.class.getDeclaredClasses())
                .filter(c -> c.getSimpleName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no request record " + name));
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> parameter = components[i].getType();
            values[i] = i < args.size() ? TwsVectors.JSON.convertValue(unwrap(args.get(i)), parameter)
                    : parameter == int.class ? 0 : parameter == boolean.class ? false : "";
        }
        Constructor<?> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return (FakeTwsRequests.Request) constructor.newInstance(values);
    }

    private static JsonNode unwrap(JsonNode arg) {
        if (arg.isObject() && arg.size() == 1 && (arg.has("contract") || arg.has("order"))) {
            return arg.elements().next();
        }
        return arg;
    }
}
