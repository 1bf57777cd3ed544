package io.github.camellark.lark.client;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The items of a Lark list across all its pages, fetching the next page only when the previous one is used up, so that
 * {@code split(body()).streaming()} walks a long history without holding it.
 */
public final class Pages implements Iterator<Object> {

    private final Function<String, Map<String, Object>> fetchPage;
    private Iterator<?> items;
    private String nextToken;

    /** @param fetchPage fetches the page with the given token and returns its {@code data} */
    public Pages(Map<String, Object> firstPage, Function<String, Map<String, Object>> fetchPage) {
        this.fetchPage = fetchPage;
        accept(firstPage);
    }

    @Override
    public boolean hasNext() {
        while (!items.hasNext() && nextToken != null) {
            try {
                accept(fetchPage.apply(nextToken));
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
            }
        }
        return items.hasNext();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return items.next();
    }

    private void accept(Map<String, Object> page) {
        Object list = page.get("items");
        items = list instanceof List ? ((List<?>) list).iterator() : List.of().iterator();
        Object token = page.get("page_token");
        nextToken = Boolean.TRUE.equals(page.get("has_more")) && token != null && !token.toString().isEmpty()
                ? token.toString() : null;
    }
}
