package ai.cartesia.core.pagination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorPagerTest {

  /** A page as the voices list returns it: items, has_more, and sometimes a next_page cursor. */
  record Page(List<String> ids, boolean hasMore, Optional<String> nextPage) {}

  private final List<Optional<String>> asked = new ArrayList<>();

  private CursorPager<Page, String> pager(Map<Optional<String>, Page> byCursor) {
    return new CursorPager<>(CursorPager.byCursor(
        cursor -> {
          asked.add(cursor);
          return byCursor.get(cursor);
        },
        Page::ids,
        Page::hasMore,
        id -> id,
        Page::nextPage));
  }

  @Test
  void theCursorIsTheLastItemsIdAndPagesAreFetchedOnlyWhenReached() {
    CursorPager<Page, String> pager = pager(Map.of(
        Optional.empty(), new Page(List.of("a", "b"), true, Optional.empty()),
        Optional.of("b"), new Page(List.of("c"), false, Optional.empty())));

    var items = pager.iterator();
    assertThat(items.next()).isEqualTo("a");
    assertThat(asked).containsExactly(Optional.empty());
    assertThat(List.of(items.next(), items.next())).containsExactly("b", "c");
    assertThat(items.hasNext()).isFalse();
    assertThat(asked).containsExactly(Optional.empty(), Optional.of("b"));
  }

  @Test
  void anEmptyPageThatHasMoreGoesOnFromItsNextPageField() {
    CursorPager<Page, String> pager = pager(Map.of(
        Optional.empty(), new Page(List.of(), true, Optional.of("later")),
        Optional.of("later"), new Page(List.of("z"), false, Optional.empty())));

    assertThat(pager.toList()).containsExactly("z");
  }

  @Test
  void aServerThatHandsBackTheSameCursorDoesNotMakeItPageForever() {
    CursorPager<Page, String> pager = pager(Map.of(
        Optional.empty(), new Page(List.of("a"), true, Optional.empty()),
        Optional.of("a"), new Page(List.of("a"), true, Optional.empty())));

    assertThat(pager.toList()).containsExactly("a", "a");
    assertThat(asked).containsExactly(Optional.empty(), Optional.of("a"));
  }

  @Test
  void hasMoreWithNoCursorAnywhereEndsTheList() {
    CursorPager<Page, String> pager =
        pager(Map.of(Optional.empty(), new Page(List.of(), true, Optional.empty())));

    assertThat(pager.toList()).isEmpty();
    assertThat(asked).hasSize(1);
  }

  @Test
  void cursorsThatComeRoundAgainEndTheList() {
    CursorPager<Page, String> pager = pager(Map.of(
        Optional.empty(), new Page(List.of(), true, Optional.of("A")),
        Optional.of("A"), new Page(List.of("x"), true, Optional.empty()),
        Optional.of("x"), new Page(List.of(), true, Optional.of("A"))));

    assertThat(pager.toList()).containsExactly("x");
    assertThat(asked).containsExactly(Optional.empty(), Optional.of("A"), Optional.of("x"));
  }
}
