package io.tvbridge.broker.ibkr.fake;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One callback of {@code IbListener}: its method name and arguments, so that tests compare
 * whole event lists with {@code assertEquals}. Decimals compare by {@code equals}: build
 * expected ones with {@code TwsValues.parseDecimal}, as the decoder does.
 */
public record IbEvent(String name, List<Object> args) {
    public IbEvent {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));   // arguments may be null
    }

    public static IbEvent of(String name, Object... args) {
        return new IbEvent(name, Arrays.asList(args));
    }

    public Object arg(int index) {
        return args.get(index);
    }

    @Override
    public String toString() {
        return name + args;
    }
}
