package ai.cartesia.generator.model;

import java.util.Optional;

/**
 * Cursor pagination, by wire names: the list of items in a page, the flag that says more pages
 * follow, the query parameter that takes the cursor, and where the next cursor comes from (the
 * last item's property, or else a property of the page).
 */
public record Pagination(
    String items,
    String hasMore,
    String cursorParameter,
    Optional<String> cursorFromLastItem,
    Optional<String> nextCursor) {}
