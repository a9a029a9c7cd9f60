/**
 * The job file: reading and checking it ({@link org.gongkai.job.JobFileReader}), the specs it
 * holds, and the input files its sources name, listed and read through Beam's FileSystems.
 */
package org.gongkai.job;
