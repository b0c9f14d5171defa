package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressesTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0:0:0:0:0:0:0:1                          | ::1
            0:0:0:0:0:0:0:0                          | ::
            2001:DB8:0:0:0:0:2:1                     | 2001:db8::2:1
            2001:0db8:0000:0000:0000:ff00:0042:8329  | 2001:db8::ff00:42:8329
            2001:db8:0:1:1:1:1:1                     | 2001:db8:0:1:1:1:1:1
            2001:0:0:1:0:0:0:1                       | 2001:0:0:1::1
            2001:db8:0:0:1:0:0:1                     | 2001:db8::1:0:0:1
            fe80:0:0:0:0:0:0:1%eth0                  | fe80::1%eth0
            ::1                                      | ::1
            1:0:0:0:0:0:0:0                          | 1::
            203.0.113.7                              | 203.0.113.7
            example.test                             | example.test
            not:an:address:at:all                    | not:an:address:at:all
            """)
    void showsIpv6CompressedAndTheRestAsItIs(String address, String shown) {
        assertThat(IpAddresses.shown(address)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"''", "'1:2'"})
    void leavesWhatIsNoAddressAlone(String text) {
        assertThat(IpAddresses.shown(text)).isEqualTo(text);
        assertThat(IpAddresses.shown(null)).isNull();
    }
}
