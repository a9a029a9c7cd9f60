/**
 * Reading annual reports — text, HTML, PDF, .docx and .doc — into figures with their evidence:
 * document text and tables, the template tables of the 2019 format, the prose rules, and the
 * {@code extract} command.
 */
package org.gongkai.ingest.report;
