package io.licencedesk.web;

/**
 * A wait as a person reads it: seconds under a minute ("45 s"), whole minutes from a minute on ("15 min", rounded up
 * so that nobody is told to try again before they may), instead of counting seconds up to 900.
 */
final class WaitInWords {

    private WaitInWords() {}

    static String of(long seconds, Words words) {
        if (seconds < 60) {
            return words.of("wait.seconds", seconds);
        }
        return words.of("wait.minutes", (seconds + 59) / 60);
    }
}
