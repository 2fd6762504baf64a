package ai.cartesia.core.pagination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a cursor-paged list, fetching the next page only when iteration reaches it.
 * Iterating twice fetches the pages twice; {@link #firstPage()} and {@link #pages()} give the
 * pages themselves.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public final class CursorPager<P, T> implements Iterable<T> {

  /** How to fetch and read pages: generated code fills it in from the spec. */
  public interface Pages<P, T> {
    /** Fetches the page after the cursor; the first page has no cursor. */
    P fetch(Optional<String> cursor);

    List<T> items(P page);

    /** The cursor of the next page, or empty after the last page. */
    Optional<String> nextCursor(P page);
  }

  private final Pages<P, T> pages;

  public CursorPager(Pages<P, T> pages) {
    this.pages = Objects.requireNonNull(pages, "pages");
  }

  /**
   * A {@link Pages} for the common shape: a list of items, a has-more flag, and a cursor that is
   * the id of the last item, or else a next-page field.
   */
  public static <P, T> Pages<P, T> byCursor(
      Function<Optional<String>, P> fetch,
      Function<P, List<T>> items,
      Function<P, Boolean> hasMore,
      Function<T, String> lastItemCursor,
      Function<P, Optional<String>> nextPageField) {
    return new Pages<>() {
      @Override
      public P fetch(Optional<String> cursor) {
        return fetch.apply(cursor);
      }

      @Override
      public List<T> items(P page) {
        List<T> list = items.apply(page);
        return list == null ? List.of() : list;
      }

      @Override
      public Optional<String> nextCursor(P page) {
        if (!Boolean.TRUE.equals(hasMore.apply(page))) return Optional.empty();
        List<T> list = items(page);
        String fromItem = lastItemCursor == null || list.isEmpty()
            ? null
            : lastItemCursor.apply(list.get(list.size() - 1));
        if (fromItem != null && !fromItem.isEmpty()) return Optional.of(fromItem);
        return nextPageField == null
            ? Optional.empty()
            : nextPageField.apply(page).filter(c -> !c.isEmpty());
      }
    };
  }

  public P firstPage() {
    return pages.fetch(Optional.empty());
  }

  /** The pages, each fetched when the iteration asks for it, never one ahead. */
  public Iterable<P> pages() {
    return () -> new Iterator<>() {
      private Optional<String> cursor = Optional.empty();
      private final Set<String> cursorsSeen = new HashSet<>();
      private boolean started;
      private boolean ended;
      private P fetched;

      @Override
      public boolean hasNext() {
        if (fetched != null) return true;
        if (ended) return false;
        if (started && cursor.isEmpty()) {
          ended = true;
          return false;
        }
        fetched = pages.fetch(cursor);
        started = true;
        Optional<String> next = pages.nextCursor(fetched);
        // A server that hands back a cursor it gave before would page forever: stop there.
        cursor = next.filter(cursorsSeen::add);
        return true;
      }

      @Override
      public P next() {
        if (!hasNext()) throw new NoSuchElementException();
        P page = fetched;
        fetched = null;
        return page;
      }
    };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<P> pageIterator = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> items = List.<T>of().iterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && pageIterator.hasNext())
          items = pages.items(pageIterator.next()).iterator();
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return items.next();
      }
    };
  }

  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** Every item, fetching every page: only for lists known to be small. */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }
}
