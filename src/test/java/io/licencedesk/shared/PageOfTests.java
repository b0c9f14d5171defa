package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageOfTests {

    final List<Integer> items = IntStream.rangeClosed(1, 55).boxed().toList();
    final List<int[]> reads = new ArrayList<>();

    PageOf<Integer> read(int page) {
        return PageOf.read(page, 25, items.size(), (offset, limit) -> {
            reads.add(new int[] {offset, limit});
            return items.subList(offset, Math.min(items.size(), offset + limit));
        });
    }

    @Test
    void readsTheRequestedPage() {
        PageOf<Integer> second = read(2);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.items()).first().isEqualTo(26);
        assertThat(second.pageCount()).isEqualTo(3);
        assertThat(reads).singleElement().satisfies(read -> assertThat(read).containsExactly(25, 25));
    }

    @Test
    void readsTheLastPageForANumberPastTheEndWithoutOverflowing() {
        for (int page : new int[] {4, 100_000_000, Integer.MAX_VALUE}) {
            PageOf<Integer> last = read(page);
            assertThat(last.page()).isEqualTo(3);
            assertThat(last.items()).containsExactly(51, 52, 53, 54, 55);
        }
    }

    @Test
    void readsTheFirstPageForZeroOrANegativeNumber() {
        for (int page : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThat(read(page).page()).isEqualTo(1);
        }
        assertThat(PageOf.read(7, 25, 0, (offset, limit) -> List.of()).page()).isEqualTo(1);
    }
}
