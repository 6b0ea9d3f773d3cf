package io.storescheduler.adapter.http.operations;

/** Told of every answered request, after the answer is written: e.g. to count and time them. */
@FunctionalInterface
public interface ExchangeListener {

    void exchanged(Exchange exchange);
}
