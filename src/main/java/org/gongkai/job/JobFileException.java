package org.gongkai.job;

/** A job file that cannot be run: names the file, the field and the problem. */
public class JobFileException extends RuntimeException {
  private final String file;
  private final String field;

  public JobFileException(String file, String field, String problem) {
    super(file + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + problem);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }
}
