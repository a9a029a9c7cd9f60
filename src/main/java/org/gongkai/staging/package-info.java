/**
 * What crosses a shuffle or waits for the last step, as files under the staging folder: the
 * compact deterministic codecs, shuffle files (only their names cross a GroupByKey) and the
 * parts of every output, named so that a retried bundle writes the same files.
 */
package org.gongkai.staging;
