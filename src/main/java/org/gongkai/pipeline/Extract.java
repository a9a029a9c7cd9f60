package org.gongkai.pipeline;

import java.io.PrintStream;
import java.util.List;

/** {@code gongkai extract}: delegates to the report reader's command once it is there. */
final class Extract {
  private Extract() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    err.println("gongkai extract: not available in this build");
    return JobRunner.BAD_JOB;
  }
}
