/** Moving a stopped daemon's H2 database into an empty PostgreSQL database, checked row for row. */
package io.tvbridge.core.store.migrate;
