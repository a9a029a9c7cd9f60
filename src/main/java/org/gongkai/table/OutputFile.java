package org.gongkai.table;

import java.io.Serializable;

/** A file a run wrote: its path relative to the output directory, rows and bytes. */
public record OutputFile(String path, long rows, long bytes) implements Serializable {}
