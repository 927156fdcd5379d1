/**
 * The publish ledger: the durable record of what is being posted where, so a crash, a replay or a second
 * publisher never posts a clip twice. Plain Java and JDBC; the platform publishers use it, it knows none of
 * them.
 */
package io.hookline.publish.ledger;
