package ai.cartesia.testing;

import java.util.List;

/**
 * One page of a cursor-paged list, as the voices list pages: at most {@code limit} items after
 * the item {@code startingAfter}, or before the item {@code endingBefore}, or from the start.
 *
 * @param items the page
 * @param hasMore whether more items lie beyond the page in the direction of paging (after it, or
 *     before it when paging with {@code ending_before})
 * @param nextPage the id of the page's last item when items follow the page (the deprecated
 *     {@code next_page}, a value for {@code starting_after}); null when none follow
 */
record VoicePage(List<FakeVoice> items, boolean hasMore, String nextPage) {

  /** The page of {@code voices}; a cursor naming no voice of the list is an {@link IllegalArgumentException}. */
  static VoicePage of(
      List<FakeVoice> voices, int limit, String startingAfter, String endingBefore) {
    if (startingAfter != null && endingBefore != null) {
      throw new IllegalArgumentException("give starting_after or ending_before, not both");
    }
    int from;
    int to;
    boolean hasMore;
    if (endingBefore != null) {
      to = indexOf(voices, endingBefore, "ending_before");
      from = Math.max(0, to - limit);
      hasMore = from > 0;
    } else {
      from = startingAfter == null ? 0 : indexOf(voices, startingAfter, "starting_after") + 1;
      to = Math.min(voices.size(), from + limit);
      hasMore = to < voices.size();
    }
    List<FakeVoice> items = voices.subList(from, to);
    String nextPage =
        to < voices.size() && !items.isEmpty() ? items.get(items.size() - 1).id() : null;
    return new VoicePage(List.copyOf(items), hasMore, nextPage);
  }

  private static int indexOf(List<FakeVoice> voices, String id, String parameter) {
    for (int i = 0; i < voices.size(); i++) {
      if (voices.get(i).id().equals(id)) return i;
    }
    throw new IllegalArgumentException(parameter + " names no voice of this list: " + id);
  }
}
