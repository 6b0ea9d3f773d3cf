package io.storescheduler.bootstrap;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/** Every item of a paged list, for the start-up work that reads whole lists through the use cases. */
final class Pages {

    private Pages() {}

    static <T> Stream<T> all(Function<PageRequest, Page<T>> list) {
        var items = new ArrayList<T>();
        Page<T> page;
        do {
            page = list.apply(new PageRequest(PageRequest.MAX_LIMIT, items.size()));
            items.addAll(page.items());
        } while (!page.items().isEmpty() && items.size() < page.total());
        return items.stream();
    }
}
