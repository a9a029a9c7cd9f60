/** The analysts' 汇总表: one row per township and year, per district and for the whole job. */
package org.gongkai.wide;
