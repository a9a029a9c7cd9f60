/** report.html: the run's page for people, one section per district, charts as inline SVG. */
package org.gongkai.html;
