package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding, in a raw query string, the parameter that Tomcat could not decode, so that the API's 400 names it. */
class UndecodableQueryTests {

    @Test
    void namesTheFirstParameterWhoseValueIsNotPercentEncodedUtf8() {
        assertThat(UndecodableQuery.in("q=%zz")).isEqualTo(new UndecodableQuery("q", true));
        assertThat(UndecodableQuery.in("limit=5&q=%C3%28")).isEqualTo(new UndecodableQuery("q", true));
        assertThat(UndecodableQuery.in("client=%")).isEqualTo(new UndecodableQuery("client", true));
        assertThat(UndecodableQuery.in("client=%4")).isEqualTo(new UndecodableQuery("client", true));
        assertThat(UndecodableQuery.in("q=caf%E9&status=%zz")).isEqualTo(new UndecodableQuery("q", true));
        assertThat(UndecodableQuery.in("sort%3D=%FF")).isEqualTo(new UndecodableQuery("sort=", true));
    }

    @Test
    void namesTheQueryStringWhenTheNameItselfCannotBeDecoded() {
        assertThat(UndecodableQuery.in("%zz=1")).isEqualTo(new UndecodableQuery(null, true));
        assertThat(UndecodableQuery.in("q=1&%C3%28")).isEqualTo(new UndecodableQuery(null, true));
        assertThat(UndecodableQuery.in("=%zz")).isEqualTo(new UndecodableQuery(null, true));
        assertThat(UndecodableQuery.in("%zz=1").field()).isEqualTo("query");
    }

    @Test
    void findsNothingInAQueryStringThatDecodes() {
        for (String query : new String[] {"q=caf%C3%A9+cr%C3%A8me", "a=1&&b=", "flag", "", "q=%E2%82%AC"}) {
            assertThat(UndecodableQuery.in(query)).as(query).isEqualTo(new UndecodableQuery(null, false));
        }
        assertThat(UndecodableQuery.in(null).inQuery()).isFalse();
        assertThat(UndecodableQuery.decoded("caf%C3%A9+cr%C3%A8me")).isEqualTo("café crème");
    }

    @Test
    void saysWhatToSend() {
        assertThat(UndecodableQuery.in("q=%zz").detail())
                .isEqualTo("The parameter q cannot be decoded: percent-encode its value as UTF-8 (%C3%A9 for é).");
        assertThat(UndecodableQuery.in("%zz=1").detail())
                .isEqualTo("The query string cannot be decoded: percent-encode it as UTF-8 (%C3%A9 for é).");
        assertThat(UndecodableQuery.in("a=1").detail()).startsWith("The query string cannot be read");
    }
}
