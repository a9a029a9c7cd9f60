package org.gongkai.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gongkai.ingest.report.ExtractCommand;

/** The command line: {@code gongkai run JOB.yaml [beam options]}, {@code gongkai extract …}, {@code gongkai help}. */
public final class Main {
  private Main() {}

  static final String HELP = """
      Gongkai (公开): township government-information-disclosure reports into comparable statistics.

      Usage:
        gongkai run JOB.yaml [BEAM OPTIONS]
            Run a job file (see pipelines/sample.yaml): read its sources, normalise, resolve,
            deduplicate, roll up, audit, and publish the tables (Parquet and CSV), manifest.json
            and report.html into the job's output directory. Beam options go after the job,
            e.g. --runner=DirectRunner --targetParallelism=2; scripts/gongkai sets fast
            DirectRunner defaults (--enforceImmutability=false --enforceEncodability=false).
            Gongkai's own: --progressSeconds=N (progress line every N s; 0 = none);
            --cache=off (parse every file again, write no cache entry; see cache: in the job file).
        gongkai extract [--gazetteer FILE] FILE...
            Print the figures read from report files (.txt, .html), one JSON object per line.
        gongkai help
            This text.

      Exit codes: 0 done; 1 the run failed (previous outputs untouched); 2 bad job file, option or
      output folder (nothing ran); 3 done and published, but a source gave no observation.
      """;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
      out.print(HELP);
      return args.length == 0 ? JobRunner.BAD_JOB : JobRunner.OK;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "run" -> {
        if (rest.length == 0 || rest[0].startsWith("--")) {
          err.println("gongkai run: give a job file, e.g. gongkai run pipelines/sample.yaml");
          return JobRunner.BAD_JOB;
        }
        return JobRunner.run(Path.of(rest[0]), Arrays.copyOfRange(rest, 1, rest.length), out, err);
      }
      case "extract" -> {
        return ExtractCommand.run(List.of(rest), out, err);
      }
      default -> {
        err.println("gongkai: unknown command '" + args[0] + "'; try gongkai --help");
        return JobRunner.BAD_JOB;
      }
    }
  }
}
