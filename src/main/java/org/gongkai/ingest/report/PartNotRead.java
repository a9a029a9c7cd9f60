package org.gongkai.ingest.report;

/**
 * A part of a report recognised but not read: a table row whose cells do not match the columns,
 * a table that could not be aligned, a section heading with nothing read under it. Said as a
 * {@code REPORT_PART_NOT_READ} notice, and by {@code gongkai extract} as a warning.
 *
 * @param part which part, in Chinese (表三 行「本年新收政府信息公开申请数量」)
 * @param why why it was not read, in Chinese
 * @param warning the same in the extractor's warning list (English, as {@code gongkai extract} prints it)
 */
public record PartNotRead(String part, String why, String warning) {}
