/**
 * In-memory implementations of every core port, for core's own tests and for teams embedding the core
 * who want to test their code without a broker or a registry. Each is thread-safe and scriptable: tell it
 * which events to reject or fail, then read back what it received.
 */
package io.streamlake.core.testing;
