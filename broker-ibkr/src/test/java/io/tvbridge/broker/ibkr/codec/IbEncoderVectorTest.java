package io.tvbridge.broker.ibkr.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every outgoing vector, at every server version it covers, encodes byte for byte. The
 * vector's call is mapped onto {@link IbEncoder} generically: the method of the same name,
 * each argument converted to the parameter's type by field name ({@code {"contract": {...}}}
 * and {@code {"order": {...}}} unwrapped), missing trailing arguments at their defaults.
 */
class IbEncoderVectorTest {

    static Stream<TwsVectors.Case> outgoing() {
        return TwsVectors.cases("out");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outgoing")
    void encodesTheVectorByteForByte(TwsVectors.Case vector) throws Exception {
        byte[] encoded = encode(vector);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(vector.vector().get("hex").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outgoing")
    void theFramingSplitsBackIntoTheVectorsFields(TwsVectors.Case vector) {
        if (vector.name().equals("handshake_client_hello")) {
            return;
        }
        List<String> fields = TwsWire.fields(Arrays.copyOfRange(vector.bytes(), 4, vector.bytes().length));
        assertThat(fields).containsExactlyElementsOf(
                TwsVectors.JSON.convertValue(vector.vector().get("fields"), List.class));
    }

    private static byte[] encode(TwsVectors.Case vector) throws Exception {
        JsonNode input = vector.vector().get("input");
        if (vector.name().equals("handshake_client_hello")) {
            String range = vector.vector().get("fields").get(0).asText();
            String[] bounds = range.substring(1).split("\\.\\.");
            return TwsWire.hello(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1].split(" ")[0]),
                    bounds[1].contains(" ") ? bounds[1].substring(bounds[1].indexOf(' ') + 1) : "");
        }
        IbEncoder encoder = new IbEncoder(vector.serverVersion());
        if (input.has("method")) {
            return TwsWire.frame(call(encoder, input.get("method").asText(), input.get("args")));
        }
        // START_API is not a library call: its input names the fields
        return TwsWire.frame(encoder.startApi(input.get("clientId").asInt(),
                input.get("optionalCapabilities").asText()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> call(IbEncoder encoder, String method, JsonNode args) throws Exception {
        Method target = Arrays.stream(IbEncoder.class.getMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow(() -> new AssertionError("IbEncoder has no method " + method));
        Parameter[] parameters = target.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = i < args.size() ? convert(args.get(i), parameters[i].getType())
                    : defaultValue(parameters[i].getType());
        }
        try {
            return (List<String>) target.invoke(encoder, values);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Object convert(JsonNode arg, Class<?> type) {
        JsonNode value = arg;
        if (arg.isObject() && arg.size() == 1 && (arg.has("contract") || arg.has("order"))) {
            value = arg.elements().next();
        }
        return TwsVectors.JSON.convertValue(value, type);
    }

    private static Object defaultValue(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return type == String.class ? "" : null;
    }
}
