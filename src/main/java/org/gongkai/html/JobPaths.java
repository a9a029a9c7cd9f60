package org.gongkai.html;

import java.util.ArrayList;
import java.util.List;

/**
 * File names as the analyst wrote them: relative to the job file's folder ({@code
 * ../sample-data/x.csv}), not the long absolute paths the pipeline reads, wherever they appear
 * in a text shown on report.html (a file column, a finding's evidence).
 */
final class JobPaths {
  static final JobPaths NONE = new JobPaths(null);
  private static final int LEVELS_UP = 2;
  private final List<String[]> replacements = new ArrayList<>();

  /** @param jobDir the job file's folder, absolute, with {@code /} separators; null: texts stay as they are */
  JobPaths(String jobDir) {
    String dir = jobDir == null ? null : jobDir.replaceAll("/+$", "");
    String up = "";
    for (int i = 0; i <= LEVELS_UP && dir != null && dir.lastIndexOf('/') > 0; i++) {
      replacements.add(new String[] {dir + "/", up}); // the folder itself first, then its parents
      up += "../";
      dir = dir.substring(0, dir.lastIndexOf('/'));
    }
  }

  String shorten(String text) {
    if (text == null || replacements.isEmpty()) {
      return text;
    }
    String out = text;
    for (String[] r : replacements) {
      out = out.replace(r[0], r[1]);
    }
    return out;
  }
}
