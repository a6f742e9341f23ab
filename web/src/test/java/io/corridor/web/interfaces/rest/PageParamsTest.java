package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.web.interfaces.rest.PageParams.CursorKind;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    @Test
    void defaultsToTheFirstTenAscending() {
        PageParams page = PageParams.parse(null, null, null, CursorKind.ID);
        assertThat(page).isEqualTo(new PageParams("", true, 10));
        assertThat(PageParams.parse("", "", "", CursorKind.ID)).isEqualTo(page);
    }

    @Test
    void takesOrderLimitAndCursor() {
        assertThat(PageParams.parse("12", "desc", "200", CursorKind.ID)).isEqualTo(new PageParams("12", false, 200));
        assertThat(PageParams.parse("now", "asc", "1", CursorKind.ID)).isEqualTo(new PageParams("now", true, 1));
        assertThat(PageParams.parse("107449584845914113-0", null, null, CursorKind.TRADE_ID).cursor())
                .isEqualTo("107449584845914113-0");
        assertThat(PageParams.parse("abc-def", null, null, CursorKind.OPAQUE).cursor()).isEqualTo("abc-def");
    }

    @Test
    void refusesBadPagingParameters() {
        assertInvalid(() -> PageParams.parse(null, "up", null, CursorKind.ID), "order");
        assertInvalid(() -> PageParams.parse(null, "ASC", null, CursorKind.ID), "order");
        for (String limit : new String[] {"0", "201", "-1", "ten", "1.5"}) {
            assertThat(assertInvalid(() -> PageParams.parse(null, null, limit, CursorKind.ID), "limit"))
                    .isEqualTo("limit must be between 1 and 200");
        }
        assertInvalid(() -> PageParams.parse("-1", null, null, CursorKind.ID), "cursor");
        assertInvalid(() -> PageParams.parse("1-0", null, null, CursorKind.ID), "cursor");
        assertInvalid(() -> PageParams.parse("x", null, null, CursorKind.TRADE_ID), "cursor");
        assertInvalid(() -> PageParams.parse("1-", null, null, CursorKind.TRADE_ID), "cursor");
        assertInvalid(() -> PageParams.parse("9223372036854775808", null, null, CursorKind.TRADE_ID), "cursor");
    }

    @Test
    void orderBookLimitHasItsOwnDefault() {
        assertThat(PageParams.limit(null, 20, 200)).isEqualTo(20);
        assertThat(PageParams.limit("200", 20, 200)).isEqualTo(200);
        assertInvalid(() -> PageParams.limit("201", 20, 200), "limit");
    }
}
