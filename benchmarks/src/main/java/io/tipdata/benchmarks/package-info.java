/** JMH benchmarks: tip-data against a baseline and its peers, in the same run. */
package io.tipdata.benchmarks;
