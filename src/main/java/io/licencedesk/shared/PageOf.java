package io.licencedesk.shared;

import java.util.List;

/** One page of an offset-paginated list (small lists such as clients and plans). */
public record PageOf<T>(List<T> items, int page, int size, long total) {

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
