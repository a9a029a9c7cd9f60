/** Everything about one district (rollup, comparison, findings, 汇总表, report section) as one pure function. */
package org.gongkai.analysis;
