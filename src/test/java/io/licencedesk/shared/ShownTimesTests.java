package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Pages wrote "5 Dec 2026, 17:40" without saying in which zone: every moment now names it (decision 0091). */
class ShownTimesTests {

    final ShownTimes times = new ShownTimes();
    final Instant moment = Instant.parse("2026-12-05T17:40:42Z");
    final String zone = DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(moment.atZone(ZoneId.systemDefault()));
    final String zoneInFrench =
            DateTimeFormatter.ofPattern("z", Locale.FRENCH).format(moment.atZone(ZoneId.systemDefault()));
    final String clock = DateTimeFormatter.ofPattern("HH:mm").format(moment.atZone(ZoneId.systemDefault()));
    final String day = DateTimeFormatter.ofPattern("d").format(moment.atZone(ZoneId.systemDefault()));

    @Test
    void writesAMomentWithTheServersZoneInThePagesLanguage() {
        assertThat(zone).isNotBlank();
        assertThat(times.toTheMinute(moment, Locale.ENGLISH)).isEqualTo(day + " Dec 2026, " + clock + " " + zone);
        assertThat(times.toTheMinute(moment, Locale.FRENCH))
                .isEqualTo(day + " déc. 2026, " + clock + " " + zoneInFrench);
        assertThat(times.toTheSecond(moment, Locale.ENGLISH)).isEqualTo(day + " Dec 2026, " + clock + ":42 " + zone);
        assertThat(times.timeOfDay(moment, Locale.ENGLISH)).isEqualTo(clock + ":42 " + zone);
    }

    @Test
    void writesTheSameInstantTheSameWhateverItsOffsetAndNothingForNoMoment() {
        OffsetDateTime inParis = OffsetDateTime.parse("2026-12-05T18:40:42+01:00");
        assertThat(times.toTheSecond(inParis, Locale.ENGLISH)).isEqualTo(times.toTheSecond(moment, Locale.ENGLISH));
        assertThat(times.toTheMinute(null, Locale.ENGLISH)).isEmpty();
    }

    /** A formatter is made once per pattern and language and shared (they are thread-safe), not once a moment. */
    @Test
    void makesEachFormatterOnceAndWritesTheSameWithIt() {
        assertThat(ShownTimes.formatter(ShownTimes.TO_THE_MINUTE, Locale.FRENCH))
                .isSameAs(ShownTimes.formatter(ShownTimes.TO_THE_MINUTE, Locale.FRENCH))
                .isNotSameAs(ShownTimes.formatter(ShownTimes.TO_THE_MINUTE, Locale.ENGLISH));
        assertThat(ShownTimes.minute(moment, Locale.FRENCH)).isEqualTo(times.toTheMinute(moment, Locale.FRENCH));
        assertThat(ShownTimes.second(moment, Locale.ENGLISH)).isEqualTo(times.toTheSecond(moment, Locale.ENGLISH));
    }
}
