/** The store over MyBatis and Flyway: the only package that imports org.apache.ibatis. */
package io.tvbridge.core.store.mybatis;
