package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.licence.LicenceSort;
import org.junit.jupiter.api.Test;

class LicenceListParamsTests {

    private static LicenceListParams sorted(String sort, String dir) {
        return new LicenceListParams(null, null, null, null, sort, dir, null, null, null, null, null, null);
    }

    @Test
    void aSortWithoutADirectionIsAscendingExceptByDateCreatedAsInTheRestApi() {
        assertThat(sorted(null, null).filter().ascending()).isFalse();
        assertThat(sorted("created", null).filter().ascending()).isFalse();
        for (LicenceSort sort : LicenceSort.values()) {
            if (sort != LicenceSort.CREATED) {
                String name = sort.name().toLowerCase(java.util.Locale.ROOT);
                assertThat(sorted(name, null).filter().ascending()).as(name).isTrue();
                assertThat(sorted(name, "xyz").filter().ascending())
                        .as(name + " with a direction not understood")
                        .isTrue();
                assertThat(sorted(name, "desc").filter().ascending())
                        .as(name + " desc")
                        .isFalse();
                assertThat(sorted(name, "ASC").filter().ascending())
                        .as(name + " ASC")
                        .isTrue();
            }
        }
        assertThat(sorted("created", "asc").filter().ascending()).isTrue();
    }
}
