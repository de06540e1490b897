package io.tvbridge.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressListTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8,       10.200.3.4,     true",
            "10.0.0.0/8,       11.0.0.1,       false",
            "192.168.1.0/25,   192.168.1.127,  true",
            "192.168.1.0/25,   192.168.1.128,  false",
            "203.0.113.7,      203.0.113.7,    true",
            "203.0.113.7,      203.0.113.8,    false",
            "0.0.0.0/0,        198.51.100.1,   true",
            "0.0.0.0/0,        2001:db8::1,    false",
            "2001:db8::/32,    2001:db8:ffff::1, true",
            "2001:db8::/32,    2001:db9::1,    false",
            "::1,              [::1],          true",
            "10.0.0.0/8,       ::ffff:10.1.2.3, true",
            "fe80::/10,        fe80::1%eth0,   true"
    })
    void rangesContainTheirAddresses(String range, String address, boolean contained) {
        assertThat(AddressList.parse(range).contains(address)).isEqualTo(contained);
    }

    @Test
    void theWordTradingviewStandsForItsPublishedSendersAndMixesWithOthers() {
        AddressList list = AddressList.parse("tradingview, 10.0.0.0/8 2001:db8::/32");
        assertThat(list.ranges()).hasSize(6);
        assertThat(list.contains("52.89.214.238")).isTrue();
        assertThat(list.contains("34.212.75.30")).isTrue();
        assertThat(list.contains("54.218.53.128")).isTrue();
        assertThat(list.contains("52.32.178.7")).isTrue();
        assertThat(list.contains("52.32.178.8")).isFalse();
        assertThat(list.toString()).isEqualTo("52.89.214.238,34.212.75.30,54.218.53.128,52.32.178.7,10.0.0.0/8,"
                + "2001:db8:0:0:0:0:0:0/32");
        assertThat(AddressList.parse("TradingView").ranges()).hasSize(4);
    }

    @Test
    void anEmptyListHoldsNothing() {
        assertThat(AddressList.parse(" ").isEmpty()).isTrue();
        assertThat(AddressList.parse("").contains("127.0.0.1")).isFalse();
    }

    @Test
    void namesAndNonsenseAreNeitherAddressesNorLookedUp() {
        AddressList list = AddressList.parse("0.0.0.0/0");
        assertThat(list.contains("localhost")).isFalse();
        assertThat(list.contains("example.com")).isFalse();
        assertThat(list.contains("1.2.3")).isFalse();
        assertThat(list.contains("256.1.1.1")).isFalse();
        assertThat(list.contains("")).isFalse();
        assertThat(list.contains((String) null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com | 'example.com' is not an IP address or CIDR range",
            "10.0.0.0/33 | '10.0.0.0/33' has a wrong prefix length: it must be 0 to 32",
            "2001:db8::/129 | '2001:db8::/129' has a wrong prefix length: it must be 0 to 128",
            "10.0.0.0/x | '10.0.0.0/x' has a wrong prefix length: it must be 0 to 32"
    })
    void wrongEntriesAreNamed(String text, String message) {
        assertThatThrownBy(() -> AddressList.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
