/**
 * Turning what people write into values: counts ({@code 1,000余}, 二十三, 无), years, and region
 * names or codes resolved against the gazetteer, with near names for a did-you-mean.
 */
package org.gongkai.normalize;
