/**
 * The findings: the comparison of each township with its district, and the audit rules
 * ({@code docs/audit-rules.md}), each a pure function of a district's records.
 */
package org.gongkai.audit;
