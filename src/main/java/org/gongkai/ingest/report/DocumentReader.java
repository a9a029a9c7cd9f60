package org.gongkai.ingest.report;

/**
 * A report file that is not text or HTML: a PDF or Word document read as lines (see {@link
 * DocumentText}), anything else a {@link DocumentProblem} that names what the file is.
 */
final class DocumentReader {
  private DocumentReader() {}

  /** Pages of one PDF report read at most, unless the job's {@code limits.max_report_pages} says otherwise. */
  static final int DEFAULT_MAX_PAGES = org.gongkai.job.JobSpec.Limits.DEFAULT_MAX_REPORT_PAGES;

  static DocumentText read(DocumentKind kind, byte[] bytes, int maxPages) throws DocumentProblem {
    return switch (kind) {
      case PDF -> PdfText.read(bytes, maxPages);
      case DOCX -> WordText.docx(bytes);
      case DOC -> WordText.doc(bytes);
      case ENCRYPTED_OFFICE -> throw WordText.encrypted();
      case WORKBOOK -> throw new DocumentProblem("NOT_A_REPORT_FILE",
          "文件是" + kind.label + "，不是报告：工作簿请作为 format: excel 的来源读取");
      case TEXT -> throw new IllegalArgumentException("text is read by the report reader itself");
      default -> throw new DocumentProblem("NOT_A_REPORT_FILE",
          "文件是" + kind.label + "，不是报告：报告须为文本、网页（HTML）、PDF、Word（.docx 或 .doc）");
    };
  }
}
