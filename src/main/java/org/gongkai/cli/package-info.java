/**
 * The command line: {@code gongkai run}, {@code extract} and {@code help}; running a job
 * ({@link org.gongkai.cli.JobRunner}: build, run, wait, publish), progress lines, exit codes and
 * the summary printed at the end.
 */
package org.gongkai.cli;
