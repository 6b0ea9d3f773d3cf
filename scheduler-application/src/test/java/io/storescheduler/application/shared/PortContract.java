package io.storescheduler.application.shared;

/**
 * What every port's contract suite holds: the ports under test, given by the subclass that runs the
 * suite on one implementation (an in-memory fake, or the jOOQ adapter over PostgreSQL).
 *
 * @param <P> the ports the suite reads through
 */
public abstract class PortContract<P> {

    private final P ports;

    protected PortContract(P ports) {
        this.ports = ports;
    }

    protected P ports() {
        return ports;
    }
}
