package org.gongkai.ingest.report;

/** A document that cannot be read as a report: a stable code and a reason in Chinese. */
final class DocumentProblem extends Exception {
  private static final long serialVersionUID = 1L;
  final String code;

  DocumentProblem(String code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }
}
