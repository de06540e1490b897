package io.tvbridge.broker.ibkr.fake;

import java.util.List;
import java.util.function.Function;

/** One connected API client, as the venue sees it: messages go out encoded at its negotiated version. */
interface FakeTwsPeer {
    /** A client that is not connected: what TWS would have sent it is lost, as with a real disconnect. */
    FakeTwsPeer ABSENT = new FakeTwsPeer() {
        @Override
        public void send(Function<FakeTwsEncoder, List<String>> message) {
        }

        @Override
        public boolean positionsSubscribed() {
            return false;
        }
    };

    /** Writes one message now, on the caller's thread; a broken socket closes the connection. */
    void send(Function<FakeTwsEncoder, List<String>> message);

    /** Whether REQ_POSITIONS is active (until CANCEL_POSITIONS): position changes are pushed. */
    boolean positionsSubscribed();

    /** The peers the venue can reach. */
    interface Directory {
        /** The connection of {@code clientId}, or {@link #ABSENT}. */
        FakeTwsPeer client(int clientId);

        List<FakeTwsPeer> all();
    }
}
