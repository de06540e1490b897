package io.tvbridge.core.store.mybatis;

import io.tvbridge.core.store.Lease;
import java.util.List;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL for the {@code engine_lease} row. Every time is the database's {@code current_timestamp}, and
 * "live" means ours at that epoch and not expired. Written to run alike on H2 and PostgreSQL.
 */
interface LeaseMapper {
    /** The one row: the engine's lease. */
    String NAME = "'engine'";
    /** A typed parameter: H2 cannot multiply an interval by a parameter of unknown type. */
    String EXPIRES = "current_timestamp + cast(#{seconds} as integer) * interval '1' second";
    String LIVE = "name = " + NAME + " and holder = #{holder} and epoch = #{epoch}"
            + " and expires_at > current_timestamp";
    /** A renewal must give up before the daemon's own deadline for it does. */
    int TIMEOUT_SECONDS = 2;

    @Select("select holder, epoch, acquired_at, renewed_at, expires_at from engine_lease where name = " + NAME)
    Lease current();

    /** Every set expression reads the row as it was, so the holder is compared before it is replaced. */
    @Update("update engine_lease set"
            + " epoch = case when holder = #{holder} then epoch else epoch + 1 end,"
            + " acquired_at = case when holder = #{holder} then acquired_at else current_timestamp end,"
            + " holder = #{holder}, renewed_at = current_timestamp, expires_at = " + EXPIRES
            + " where name = " + NAME + " and (holder = #{holder} or expires_at <= current_timestamp)")
    @Options(timeout = TIMEOUT_SECONDS)
    int acquire(@Param("holder") String holder, @Param("seconds") long seconds);

    @Update("update engine_lease set renewed_at = current_timestamp, expires_at = " + EXPIRES + " where " + LIVE)
    @Options(timeout = TIMEOUT_SECONDS)
    int renew(@Param("holder") String holder, @Param("epoch") long epoch, @Param("seconds") long seconds);

    /**
     * Locks the row until the transaction ends: nobody takes the lease between this check and the
     * commit. On PostgreSQL the lock is shared: the engine's commit and the broker journal's appends
     * fence at once without waiting for each other, and still keep any update of the row out.
     */
    @Select(value = "select epoch from engine_lease where " + LIVE + " for update", databaseId = "h2")
    @Select(value = "select epoch from engine_lease where " + LIVE + " for share", databaseId = "postgresql")
    List<Long> fence(@Param("holder") String holder, @Param("epoch") long epoch);

    @Update("update engine_lease set renewed_at = current_timestamp, expires_at = current_timestamp"
            + " where name = " + NAME + " and holder = #{holder} and epoch = #{epoch}")
    int release(@Param("holder") String holder, @Param("epoch") long epoch);
}
