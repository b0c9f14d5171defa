package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.fields;

import io.licencedesk.web.BadInputFixture.Target;
import io.licencedesk.web.HandlerRoutes.Input;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Generators of bad input, each aimed at one place of one request (a form field, a query parameter, a JSON field, a
 * header, the field names, the content type or the whole body) while the rest of the request stays valid. A generator
 * draws everything it chooses from the random generator it is given, and nothing else, so that the same seed makes the
 * same input again.
 */
final class BadInputs {

    private BadInputs() {}

    /** Makes one bad input from the random choices of one try. */
    @FunctionalInterface
    interface Generator {
        BadInput next(RandomGenerator random);
    }

    /** What is wrong with a request, said so that a failure names route, caller, place and value. */
    record BadInput(String kind, Target target, String where, String what, Consumer<BadRequest> change) {
        @Override
        public String toString() {
            return "route " + target.route() + ", caller " + target.sender() + ", field " + where + ", corruption "
                    + kind + " " + what;
        }
    }

    /** Where a bad value goes: one route and caller, and one place of its request. */
    record Place(Target target, Slot slot) {}

    /** A place to put a bad value: a parameter or JSON field (with the longest value its form accepts) or a header. */
    record Slot(boolean header, String name, int maxLength, boolean text) {
        @Override
        public String toString() {
            return header ? "header " + name : name;
        }

        void put(BadRequest request, String value) {
            if (header) {
                request.headers.put(name, value);
            } else {
                request.set(name, value);
            }
        }
    }

    static final List<String> HEADERS = List.of("Accept-Language", "HX-Request", "Referer");

    static List<Slot> fieldSlots(Target target) {
        var slots = new ArrayList<Slot>();
        for (Input input : target.route().inputs()) {
            if (!input.header()) {
                slots.add(
                        new Slot(false, input.name(), input.maxLength() > 0 ? input.maxLength() : 200, isText(input)));
            }
        }
        if (target.route().body() != null) {
            fields(target.route().body()).forEach(field -> slots.add(new Slot(false, field.name(), 200, true)));
        }
        return slots;
    }

    static List<Slot> slots(Target target) {
        var slots = new ArrayList<>(fieldSlots(target));
        target.route().inputs().stream()
                .filter(Input::header)
                .forEach(input -> slots.add(new Slot(true, input.name(), 200, true)));
        HEADERS.stream()
                .filter(header -> slots.stream().noneMatch(slot -> slot.name().equalsIgnoreCase(header)))
                .forEach(header -> slots.add(new Slot(true, header, 200, true)));
        return slots;
    }

    /** The text fields whose form says how long they may be ({@code @Size}), and the device API's JSON fields. */
    static List<Slot> sizedSlots(Target target) {
        var sized = new ArrayList<Slot>();
        for (Input input : target.route().inputs()) {
            if (!input.header() && isText(input) && input.maxLength() > 0) {
                sized.add(new Slot(false, input.name(), input.maxLength(), true));
            }
        }
        if (target.route().body() != null) {
            fields(target.route().body()).forEach(field -> sized.add(new Slot(false, field.name(), 200, true)));
        }
        return sized;
    }

    static boolean isText(Input input) {
        return input.type() == String.class;
    }

    /** Mostly a form field or parameter (text ones first), now and then a header. */
    static Place place(List<Target> targets, RandomGenerator random) {
        Target target = pick(random, targets);
        int index = random.nextInt(1_000);
        int percent = random.nextInt(100);
        List<Slot> fields = fieldSlots(target);
        List<Slot> text = fields.stream().filter(Slot::text).toList();
        List<Slot> from =
                percent < 60 && !text.isEmpty() ? text : percent < 85 && !fields.isEmpty() ? fields : slots(target);
        return new Place(target, from.get(index % from.size()));
    }

    static BadInput at(String kind, Place place, String value) {
        Slot slot = place.slot();
        return new BadInput(kind, place.target(), slot.toString(), show(value), request -> slot.put(request, value));
    }

    /** One of these, each as likely as the others. */
    static <T> T pick(RandomGenerator random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Letters (ASCII, either case), from none up to this many. */
    static String letters(RandomGenerator random, int maxLength) {
        var text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            char letter = (char) ('a' + random.nextInt(26));
            text.append(random.nextBoolean() ? letter : Character.toUpperCase(letter));
        }
        return text.toString();
    }

    /** NUL most often, then the other C0 controls, DEL and the C1 controls, inside otherwise plausible text. */
    static Generator controlCharacters(List<Target> targets) {
        return random -> {
            Place place = place(targets, random);
            var value = new StringBuilder(letters(random, 8));
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                value.append(control(random));
            }
            value.append(letters(random, 8));
            return at("control characters", place, value.toString());
        };
    }

    /** NUL five times in ten, another C0 control three times, DEL or a C1 control twice. */
    static char control(RandomGenerator random) {
        int weight = random.nextInt(10);
        if (weight < 5) {
            return '\0';
        }
        return weight < 8 ? (char) random.nextInt(0x01, 0x20) : (char) random.nextInt(0x7f, 0xa0);
    }

    static final List<String> PERCENT_ENCODED =
            List.of("%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%E2%82", "%F8%88%80%80%80", "%FE%FF", "%00");
    static final List<String> DECODED =
            List.of("\uD800", "\uDFFF", "\uDBFF", "\uFFFD", "\uFFFE", "\uFEFF", "Ã(", "\uD83D x");

    /**
     * Bytes that are no UTF-8, percent-encoded in a query string or a form body, raw in a form or JSON body, and what a
     * lenient decoder makes of them (lone surrogates, U+FFFD) as ready-made parameters.
     */
    static Generator invalidUtf8(List<Target> targets) {
        return random -> {
            Place place = place(targets, random);
            int how = random.nextInt(4);
            int which = random.nextInt(PERCENT_ENCODED.size());
            Slot slot = place.slot();
            String encoded = PERCENT_ENCODED.get(which);
            if (how == 0 || slot.header()) {
                return at("invalid UTF-8 (decoded)", place, "ab" + DECODED.get(which) + "cd");
            }
            boolean json = place.target().route().body() != null;
            if (how == 1 && !json) {
                return new BadInput(
                        "invalid UTF-8 (percent-encoded)",
                        place.target(),
                        slot + " in the query string",
                        encoded,
                        request -> {
                            slot.put(request, "\u0001");
                            request.query = request.encodedParams().replace("%01", "ab" + encoded);
                            request.params.clear();
                        });
            }
            String raw = new String(decode(encoded), StandardCharsets.ISO_8859_1);
            return new BadInput(
                    "invalid UTF-8 (raw bytes)",
                    place.target(),
                    slot + " in the " + (json ? "JSON" : "form") + " body",
                    encoded.replace('%', '\\'),
                    request -> {
                        slot.put(request, "\u0001");
                        String body = json ? BadRequest.JSON.writeValueAsString(request.json) : request.encodedParams();
                        body = body.replace(json ? "\\u0001" : "%01", "ab" + (how == 2 ? raw : encoded));
                        request.body = body.getBytes(StandardCharsets.ISO_8859_1);
                        request.contentType = json ? "application/json" : BadRequest.FORM;
                        request.formBody = !json;
                        request.params.clear();
                    });
        };
    }

    static byte[] decode(String percentEncoded) {
        String[] hex = percentEncoded.substring(1).split("%");
        byte[] bytes = new byte[hex.length];
        for (int i = 0; i < hex.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex[i], 16);
        }
        return bytes;
    }

    static final List<String> UNITS = List.of("a", "é", "€", "\uD83D\uDE00", " ", "9");

    /** At the longest a form accepts, one past it, twice it, and far beyond; in one-, two-, three- and four-byte text. */
    static Generator lengths(List<Target> targets) {
        return random -> {
            Place place = place(targets, random);
            int which = random.nextInt(5);
            String unit = pick(random, UNITS);
            int max = place.slot().maxLength();
            int length = List.of(max, max + 1, 2 * max + 1, 10_000, 100_000).get(which);
            String value = unit.repeat(length / unit.length() + 1).substring(0, length);
            return at("length " + length, place, value);
        };
    }

    static final char[] JSON_ESCAPED = {'"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0001', '\u001f'};

    /**
     * Values of the longest valid length made of characters that JSON escapes (so that what is kept as JSON, such as the
     * audit trail's before and after, grows up to six times): in one text field, or in every one at once.
     */
    static Generator jsonEscaping(List<Target> targets) {
        return random -> {
            Target target = pick(random, targets);
            int index = random.nextInt(1_000);
            char unit = JSON_ESCAPED[random.nextInt(JSON_ESCAPED.length)];
            int mix = random.nextInt(4);
            int percent = random.nextInt(100);
            List<Slot> sized = sizedSlots(target);
            if (percent < 20) {
                return new BadInput(
                        "JSON-escaping text at the longest",
                        target,
                        "every sized text field " + sized,
                        show(escaping(unit, mix, 8)) + " to the longest of each",
                        request -> sized.forEach(field -> field.put(request, escaping(unit, mix, field.maxLength()))));
            }
            Slot slot = sized.get(index % sized.size());
            return at(
                    "JSON-escaping text at the longest",
                    new Place(target, slot),
                    escaping(unit, mix, slot.maxLength()));
        };
    }

    /** One escaping character repeated, or a cycle of them (mix > 0), of exactly this length. */
    static String escaping(char unit, int mix, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(mix == 0 ? unit : JSON_ESCAPED[(unit + i * mix) % JSON_ESCAPED.length]);
        }
        return text.toString();
    }

    static final List<String> SUFFIXES =
            List.of("[0]", "[]", "[x]", "['k']", "[-1]", "[99999999]", ".x", ".id", "[0].x", "..x", "[0][0]", "[");
    static final List<String> EXTRA_NAMES = List.of(
            "client.id",
            "quantity.x",
            "quantity[0].x",
            "planId.x",
            "name[0]",
            "form.name",
            "x[0]",
            "a.b.c.d",
            "[0]",
            ".",
            "class.module",
            "id[]");

    static final List<String> OTHER_VALUES = List.of("x", "1", "", "Other value", "-1");

    /** Indexed and nested field names (of the form's own fields and others), and fields sent twice with two values. */
    static Generator fieldNames(List<Target> targets) {
        return random -> {
            Place place = place(targets, random);
            int how = random.nextInt(4);
            int which = random.nextInt(SUFFIXES.size());
            String other = pick(random, OTHER_VALUES);
            Target target = place.target();
            Slot slot = place.slot();
            if (target.route().body() != null && !slot.header()) {
                return jsonNames(target, slot, how, other);
            }
            if (how == 0 && !slot.header()) {
                String name = slot.name() + SUFFIXES.get(which);
                return new BadInput(
                        "field name",
                        target,
                        slot.name(),
                        "renamed " + name,
                        request -> request.rename(slot.name(), name));
            }
            if (how == 1 && !slot.header()) {
                return new BadInput(
                        "field twice",
                        target,
                        slot.name(),
                        "plausible, then " + show(other),
                        request -> request.params.add(java.util.Map.entry(slot.name(), other)));
            }
            String name = how == 2 ? EXTRA_NAMES.get(which) : slot.name() + SUFFIXES.get(which);
            return new BadInput(
                    "extra field name",
                    target,
                    name,
                    show(other),
                    request -> request.params.add(java.util.Map.entry(name, other)));
        };
    }

    static BadInput jsonNames(Target target, Slot slot, int how, String other) {
        String nested = List.of("{\"x\":1}", "[\"a\"]", "{\"id\":{\"x\":[1]}}", "[[[]]]")
                .get(how);
        if (how % 2 == 0) {
            return new BadInput("JSON field twice", target, slot.name(), "plausible, then " + show(other), request -> {
                String body = BadRequest.JSON.writeValueAsString(request.json);
                request.body = ("{\"" + slot.name() + "\":" + BadRequest.JSON.writeValueAsString(other) + ","
                                + body.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            });
        }
        return new BadInput("JSON nested value", target, slot.name(), nested, request -> {
            String body = BadRequest.JSON.writeValueAsString(request.json);
            request.body = ("{\"" + slot.name() + "[0]\":1,\"" + slot.name() + ".x\":" + nested + ","
                            + body.substring(1)
                                    .replace(
                                            "\"" + slot.name() + "\":",
                                            "\"" + slot.name() + "\":" + nested + ",\"ignored\":"))
                    .getBytes(StandardCharsets.UTF_8);
        });
    }

    static final List<String> CONTENT_TYPES = List.of(
            "*/*",
            "application/*",
            "text/plain",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/json",
            "application/x-www-form-urlencoded",
            "application/json; charset=nonsense",
            "application/x-www-form-urlencoded; charset=nonsense",
            "application/x-www-form-urlencoded; charset=UTF-16",
            "text/*",
            "*/json",
            "application/xml",
            "application/octet-stream",
            "garbage",
            "a/b/c",
            ";charset=utf-8",
            "application/json;;;q=x",
            "");

    /** A wrong (or wrongly written) Content-Type, over the route's own kind of body, the other kind, or none. */
    static Generator contentTypes(List<Target> targets) {
        return random -> {
            Target target = pick(random, targets);
            String type = pick(random, CONTENT_TYPES);
            String body = pick(random, List.of("own", "other", "none"));
            return new BadInput(
                    "content type", target, "Content-Type", "'" + type + "' over " + body + " body", request -> {
                        boolean json = request.json != null;
                        if (body.equals("none")) {
                            request.body = new byte[0];
                        } else if (json == body.equals("own")) {
                            var fields = new java.util.LinkedHashMap<String, Object>();
                            request.params.forEach(param -> fields.put(param.getKey(), param.getValue()));
                            request.body = BadRequest.JSON.writeValueAsBytes(json ? request.json : fields);
                        } else {
                            request.formBody = true;
                            if (request.params.isEmpty() && request.json != null) {
                                request.json.forEach((name, value) ->
                                        request.params.add(java.util.Map.entry(name, String.valueOf(value))));
                            }
                        }
                        request.contentType = type;
                    });
        };
    }

    /** Bodies of a megabyte and more: one field that long, very many fields, a long JSON value, nesting, noise. */
    static Generator hugeBodies(List<Target> targets) {
        return random -> {
            Place place = place(targets, random);
            int size = random.nextBoolean() ? 1_048_577 : 2_000_000;
            int how = random.nextInt(4);
            Slot slot = place.slot();
            String what =
                    List.of("one field", "many fields", "deep nesting", "noise").get(how) + " of " + size + " bytes";
            return new BadInput("huge body", place.target(), slot.toString(), what, request -> {
                boolean json = request.json != null;
                switch (how) {
                    case 0 -> slot.put(request, "a".repeat(size));
                    case 1 ->
                        request.body = (json ? "{" + "\"a\":1,".repeat(size / 6) + "\"b\":1}" : "a=1&".repeat(size / 4))
                                .getBytes(StandardCharsets.ISO_8859_1);
                    case 2 ->
                        request.body = (json ? "[".repeat(size) : "a" + "[0]".repeat(size / 3) + "=1")
                                .getBytes(StandardCharsets.ISO_8859_1);
                    default -> {
                        byte[] noise = new byte[size];
                        new java.util.Random(size).nextBytes(noise);
                        request.body = noise;
                    }
                }
                request.formBody = !json;
                if (request.body != null) {
                    request.params.clear();
                }
            });
        };
    }

    /** A value as it can be read in a report: controls and surrogates as \\uXXXX, long ones shortened. */
    static String show(String value) {
        var shown = new StringBuilder("\"");
        int limit = Math.min(value.length(), 24);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            boolean odd = Character.isISOControl(c) || Character.isSurrogate(c) || c >= '\uFFF0' || c == '\uFEFF';
            shown.append(odd ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        shown.append(value.length() > limit ? "…\" (" + value.length() + " chars)" : "\"");
        return shown.toString();
    }
}
