/**
 * Plain-Java helpers the ports and services use that are neither ports nor use cases, e.g. {@link
 * io.streamlake.core.support.RandomUuids}, the source of {@code IdGenerator.randomUuids()}.
 */
package io.streamlake.core.support;
