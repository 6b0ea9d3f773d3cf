/**
 * The booking rules of Store Scheduler in plain Java: the state machine, the strict
 * character-client bijection, schedule conflicts, room choice and the confirmation decision.
 * Every function here is pure: the caller passes in the ids and instants it read, and gets back
 * a value ({@code Allowed}/{@code Refused}, {@code Confirmed}/{@code Rejected}) rather than an
 * exception; exceptions are left for programming errors such as a {@code null} argument.
 */
package io.storescheduler.domain.booking;
