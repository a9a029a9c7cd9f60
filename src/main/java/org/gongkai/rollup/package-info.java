/** Deduplication of a township's figures across sources, and district, city and province rollups. */
package org.gongkai.rollup;
