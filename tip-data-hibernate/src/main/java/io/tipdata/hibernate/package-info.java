/** Hibernate ORM 7 integration of tip-data: sessions opened in test context use that run's partitions. */
package io.tipdata.hibernate;
