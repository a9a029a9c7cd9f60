/**
 * The domain: the metric catalog (read from {@code metrics.yaml}), the canonical observation and
 * its qualifier, divisions and the gazetteer, rejects and notices. No I/O, no Beam.
 */
package org.gongkai.model;
