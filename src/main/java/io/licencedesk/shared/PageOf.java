package io.licencedesk.shared;

import java.util.List;
import java.util.function.BiFunction;

/** One page of an offset-paginated list (small lists such as clients and plans). */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    /**
     * Reads the requested page of a list of {@code total} items. A page number below 1 reads the first
     * page and one past the end reads the last, so any number a person types in the address bar gives
     * a page (and the offset never overflows).
     */
    public static <T> PageOf<T> read(
            int requestedPage, int size, long total, BiFunction<Integer, Integer, List<T>> rowsAtOffsetAndLimit) {
        int lastPage = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, requestedPage), lastPage);
        return new PageOf<>(rowsAtOffsetAndLimit.apply((page - 1) * size, size), page, size, total);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }
}
