/**
 * The ids of the scheduler's entities, one record each, so that a client's id cannot be passed where
 * a character's is expected: the strict client-character bijection is exactly where such a swap
 * would go unnoticed. An id is only a number the database gave; whether it names something of the
 * store is for the lookups to say, so the records accept any value.
 */
package io.storescheduler.domain.id;
